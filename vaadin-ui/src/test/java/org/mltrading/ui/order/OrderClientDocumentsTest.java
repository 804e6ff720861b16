package org.mltrading.ui.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The documents the UI sends are valid against the published contract (schema/*.graphqls). */
class OrderClientDocumentsTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadTheContract() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:schema/*.graphqls");
        assertThat(files).as("schema files of graphql-schema on the classpath").isNotEmpty();
        for (Resource file : files) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {OrderClient.ACCOUNTS_QUERY, OrderClient.ORDERS_QUERY, OrderClient.ORDER_UPDATED_SUBSCRIPTION})
    void every_document_the_order_client_sends_validates_against_the_schema(String document) {
        List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(document), Locale.ENGLISH);

        assertThat(errors).isEmpty();
    }
}
