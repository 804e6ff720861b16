package org.mltrading.ui;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mltrading.ui.compliance.ComplianceClient;
import org.mltrading.ui.marketdata.MarketDataClient;
import org.mltrading.ui.model.ModelClient;
import org.mltrading.ui.risk.RiskClient;
import org.mltrading.ui.trading.TradingClient;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every GraphQL document of the UI's clients (desk, risk, models and backtests, compliance) validates
 * against the published contract (schema/*.graphqls): a renamed field fails the build, not the screen.
 */
class ClientDocumentsTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadTheContract() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:schema/*.graphqls");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    static Stream<String> documents() throws IllegalAccessException {
        List<String> desk = documentsOf(MarketDataClient.class, TradingClient.class, RiskClient.class);
        List<String> models = documentsOf(ModelClient.class);
        List<String> compliance = documentsOf(ComplianceClient.class);
        List<String> strategies = documentsOf(org.mltrading.ui.strategy.StrategyClient.class);
        List<String> news = documentsOf(org.mltrading.ui.news.NewsClient.class);
        assertThat(desk).hasSizeGreaterThanOrEqualTo(15);
        assertThat(models).hasSize(9);
        assertThat(compliance).hasSize(9);
        assertThat(strategies).hasSize(5);
        assertThat(news).hasSize(5);
        List<String> alertsAndTearsheets = documentsOf(org.mltrading.ui.alert.AlertClient.class,
                org.mltrading.ui.portfolio.TearsheetClient.class);
        assertThat(alertsAndTearsheets).hasSize(5);
        return Stream.of(desk, models, compliance, strategies, news, alertsAndTearsheets).flatMap(List::stream);
    }

    /** The static String fields that hold an operation (query, mutation, subscription). */
    private static List<String> documentsOf(Class<?>... clients) throws IllegalAccessException {
        List<String> documents = new ArrayList<>();
        for (Class<?> client : clients) {
            for (Field field : client.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value.startsWith("query ") || value.startsWith("mutation ") || value.startsWith("subscription ")) {
                        documents.add(value);
                    }
                }
            }
        }
        return documents;
    }

    @ParameterizedTest
    @MethodSource("documents")
    void every_document_validates_against_the_schema(String document) {
        List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(document), Locale.ENGLISH);

        assertThat(errors).isEmpty();
    }
}
