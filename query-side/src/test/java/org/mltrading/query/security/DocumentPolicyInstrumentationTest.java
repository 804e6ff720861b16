package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

class DocumentPolicyInstrumentationTest {

    static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { me: Me }
            type Me { name: String friend: Me }
            type Mutation { act: String }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", wiring -> wiring.dataFetcher("me", env -> Map.of("name", "x")))
            .type("Mutation", wiring -> wiring.dataFetcher("act", env -> "done"))
            .build());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thirty_aliases_pass_and_thirty_one_are_refused_counting_fragment_uses() {
        callAs("trader", List.of("TRADER"), false, false);
        assertThat(code(run("authenticated", "{ " + aliases(30) + " }"))).isNull();
        assertThat(code(run("authenticated", "{ " + aliases(31) + " }"))).isEqualTo("VALIDATION_TOO_MANY_ALIASES");
        // an alias inside a fragment counts once per use of the fragment
        assertThat(code(run("authenticated", "{ me { ...F } } fragment F on Me { n: name }"))).isNull();
        assertThat(code(run("authenticated", "{ me { " + "...F ".repeat(31) + "} } fragment F on Me { n: name }")))
                .isEqualTo("VALIDATION_TOO_MANY_ALIASES");
    }

    @Test
    void introspection_follows_the_policy() {
        callAs("trader", List.of("TRADER"), false, true);
        assertThat(code(run("authenticated", "{ __schema { queryType { name } } }"))).isNull();
        assertThat(code(run("integrators", "{ __schema { queryType { name } } }"))).isEqualTo("PERMISSION_DENIED");
        assertThat(code(run("integrators", "{ __type(name: \"Me\") { name } }"))).isEqualTo("PERMISSION_DENIED");
        callAs("acme", List.of("INTEGRATOR"), true, false);
        assertThat(code(run("integrators", "{ __schema { queryType { name } } }"))).isNull();
        assertThat(code(run("disabled", "{ __schema { queryType { name } } }"))).isEqualTo("PERMISSION_DENIED");
    }

    /** Issue 14, finding 10: a fragment inside a fragment hid the introspection from the policy. */
    @Test
    void introspection_through_nested_fragments_follows_the_policy() {
        callAs("trader", List.of("TRADER"), false, true);
        String nested = "{ ...A } fragment A on Query { ...B } fragment B on Query { __schema { queryType { name } } }";
        assertThat(code(run("integrators", nested))).isEqualTo("PERMISSION_DENIED");
        assertThat(code(run("integrators", "{ ... on Query { ...B } } fragment B on Query { __type(name: \"Me\") { name } }")))
                .isEqualTo("PERMISSION_DENIED");
        assertThat(code(run("authenticated", nested))).isNull();
        callAs("acme", List.of("INTEGRATOR"), true, false);
        assertThat(code(run("integrators", nested))).isNull();
    }

    @Test
    void introspection_deeper_than_twenty_levels_is_refused() {
        callAs("acme", List.of("INTEGRATOR"), true, false);
        String deep = "{ __schema { types { " + "fields { type { ".repeat(10) + "name" + " } }".repeat(10) + " } } }";
        assertThat(code(run("authenticated", deep))).isEqualTo("VALIDATION_QUERY_TOO_COMPLEX");
        String standardDepth = "{ __schema { types { fields { type { " + "ofType { ".repeat(7) + "name" + " }".repeat(7)
                + " } } } } }";
        assertThat(code(run("authenticated", standardDepth))).isNull();
    }

    @Test
    void a_user_without_the_second_factor_may_read_but_not_change() {
        callAs("trader", List.of("TRADER"), false, false);
        assertThat(code(run("authenticated", "{ me { name } }"))).isNull();
        assertThat(code(run("authenticated", "mutation { act }"))).isEqualTo("AUTH_MFA_REQUIRED");
        callAs("trader", List.of("TRADER"), false, true);
        assertThat(code(run("authenticated", "mutation { act }"))).isNull();
        callAs("demo-risk", List.of("RISK_OFFICER"), true, false);
        assertThat(code(run("authenticated", "mutation { act }"))).as("machine clients have no second factor").isNull();
    }

    private static String aliases(int count) {
        StringBuilder document = new StringBuilder();
        for (int i = 0; i < count; i++) {
            document.append("a").append(i).append(": me { name } ");
        }
        return document.toString();
    }

    private static ExecutionResult run(String introspection, String document) {
        return GraphQL.newGraphQL(SCHEMA).instrumentation(new DocumentPolicyInstrumentation(30, introspection, 12))
                .build().execute(document);
    }

    private static String code(ExecutionResult result) {
        return result.getErrors().isEmpty() ? null
                : String.valueOf(result.getErrors().get(0).getExtensions() == null ? result.getErrors().get(0).getMessage()
                        : result.getErrors().get(0).getExtensions().get("code"));
    }

    private static void callAs(String subject, List<String> roles, boolean client, boolean mfa) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("roles", roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claim("client_id", client ? subject : "platform-ui");
        if (!client) {
            jwt.claim("mfa", mfa);
        }
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        SecurityContextHolder.setContext(new SecurityContextImpl(converter.convert(jwt.build())));
    }
}
