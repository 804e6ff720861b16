package org.mltrading.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The platform's own schema files executed by graphql-java with {@link TextInputInstrumentation}: the
 * probe's texts (issue 14, finding 9) are refused before any resolver runs, through literals and
 * variables, in arguments and in nested input fields.
 */
class TextInputInstrumentationTest {

    private final List<String> resolved = new ArrayList<>();
    private GraphQL graphQl;

    @BeforeEach
    void schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:schema/**/*.graphql*")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(GraphQLScalarType.newScalar().name("Decimal").coercing(new DecimalScalar()).build())
                .scalar(GraphQLScalarType.newScalar().name("DateTime").coercing(new DateTimeScalar()).build())
                .scalar(GraphQLScalarType.newScalar().name("JSON").coercing(new JsonScalar()).build())
                .wiringFactory(new graphql.schema.idl.WiringFactory() {
                    @Override
                    public boolean providesDataFetcher(graphql.schema.idl.FieldWiringEnvironment environment) {
                        return true;
                    }

                    @Override
                    public graphql.schema.DataFetcher<?> getDataFetcher(graphql.schema.idl.FieldWiringEnvironment environment) {
                        String parent = environment.getParentType().getName();
                        if (!List.of("Query", "Mutation", "Subscription").contains(parent)) {
                            return graphql.schema.PropertyDataFetcher.fetching(environment.getFieldDefinition().getName());
                        }
                        return fetch -> {
                            resolved.add(fetch.getField().getName());
                            return Map.of("id", "a");
                        };
                    }
                })
                .build();
        graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(registry, wiring))
                .instrumentation(new TextInputInstrumentation())
                .defaultDataFetcherExceptionHandler(new ApiExceptionHandler())
                .build();
    }

    @Test
    void a_million_character_halt_reason_is_refused_before_the_resolver() {
        GraphQLError error = onlyError(execute("mutation($r: String!) { haltTrading(accountId: \"a\", reason: $r) { id } }",
                Map.of("r", "\u0000\u001B\u202E\u2066".repeat(250_000))));
        assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_TEXT_TOO_LONG");
        assertThat(error.getMessage()).isEqualTo("reason must be at most 500 characters, was 1000000");
        assertThat(resolved).isEmpty();
    }

    @Test
    void nul_escape_and_bidi_overrides_in_a_reason_are_refused() {
        for (String reason : List.of("risk\u0000", "risk \u001B[31m", "risk \u202Eknalb")) {
            GraphQLError error = onlyError(execute("mutation($r: String!) { haltTrading(accountId: \"a\", reason: $r) { id } }",
                    Map.of("r", reason)));
            assertThat(error.getExtensions()).as(reason).containsEntry("code", "VALIDATION_TEXT_INVALID_CHARACTER");
        }
        assertThat(resolved).isEmpty();
    }

    @Test
    void a_multi_line_reason_within_its_bound_reaches_the_resolver() {
        ExecutionResult result = execute("mutation { haltTrading(accountId: \"a\", reason: \"desk closed\\n\\tuntil noon\") { id } }",
                Map.of());
        assertThat(result.getErrors()).isEmpty();
        assertThat(resolved).containsExactly("haltTrading");
    }

    /** ONNX artefacts come MIME-encoded (76-character lines with CRLF), as the ops OnnxModelIT sends them. */
    @Test
    void a_mime_base64_artefact_with_line_breaks_reaches_the_resolver() {
        String artefact = java.util.Base64.getMimeEncoder().encodeToString(new byte[300]);
        assertThat(artefact).contains("\r\n");
        ExecutionResult result = execute("""
                mutation($a: String!) { importOnnxModel(input: {name: "m", features: ["ret_1"], artefactBase64: $a,
                  symbol: "AAPL", interval: ONE_DAY, from: "2013-01-01T00:00:00Z", to: "2013-02-01T00:00:00Z"}) { id } }""",
                Map.of("a", artefact));
        assertThat(result.getErrors()).isEmpty();
        assertThat(resolved).containsExactly("importOnnxModel");
    }

    @Test
    void texts_inside_input_objects_and_lists_and_document_literals_are_checked_too() {
        GraphQLError name = onlyError(execute("""
                mutation { openAccount(input: {accountId: "x", name: "evil\\u202Ename", owner: "trader", currency: "USD",
                  initialCash: "1"}) { id } }""", Map.of()));
        assertThat(name.getExtensions()).containsEntry("code", "VALIDATION_TEXT_INVALID_CHARACTER");
        assertThat(name.getMessage()).startsWith("input.name must not contain a bidirectional override");

        GraphQLError symbol = onlyError(execute("mutation($s: [String!]) { setRiskLimits(input: {accountId: \"x\","
                + " maxOrderNotional: \"1\", maxPositionPerInstrument: \"1\", maxGrossExposure: \"1\", maxDailyLoss: \"1\","
                + " restrictedSymbols: $s, maxOrdersPerSecond: 1}) { id } }", Map.of("s", List.of("AAPL", "MS\u0000FT"))));
        assertThat(symbol.getExtensions()).containsEntry("code", "VALIDATION_TEXT_INVALID_CHARACTER");
        assertThat(symbol.getMessage()).startsWith("input.restrictedSymbols[1] must not contain a control character");

        GraphQLError id = onlyError(execute("{ account(id: \"" + "a".repeat(201) + "\") { id } }", Map.of()));
        assertThat(id.getExtensions()).containsEntry("code", "VALIDATION_TEXT_TOO_LONG");
        assertThat(resolved).isEmpty();
    }

    private ExecutionResult execute(String document, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
    }

    private static GraphQLError onlyError(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        return result.getErrors().get(0);
    }
}
