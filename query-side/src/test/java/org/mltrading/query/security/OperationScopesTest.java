package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Issue 14, finding 4: every operation declares its scope, and tokens are held to it. */
class OperationScopesTest {

    @Test
    void every_operation_of_the_schema_declares_its_scope() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:schema/**/*.graphql*")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        Set<String> operations = new TreeSet<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            Stream.concat(registry.getType(root, ObjectTypeDefinition.class).stream(),
                            registry.objectTypeExtensions().getOrDefault(root, List.of()).stream())
                    .flatMap(type -> type.getFieldDefinitions().stream())
                    .forEach(field -> operations.add(root + "." + field.getName()));
        }
        assertThat(operations).as("the schema's operations").hasSizeGreaterThan(40);
        assertThat(new TreeSet<>(OperationScopes.REQUIRED.keySet()))
                .as("give each new operation its scope in OperationScopes.REQUIRED").isEqualTo(operations);
    }

    /** The probe's requests first, then what stays allowed. */
    @ParameterizedTest(name = "{0} with [{1}] calling {2}: allowed {3}")
    @CsvSource({
            "demo-risk,       read,        Mutation.haltTrading,      false",
            "demo-risk,       read,        Mutation.resumeTrading,    false",
            "demo-compliance, read,        Query.auditEvents,         false",
            "demo-compliance, read,        Query.accessAudit,         false",
            "demo-integrator, read,        Mutation.runBacktest,      false",
            "demo-integrator, trade,       Query.accounts,            false",
            "demo-integrator, trade,       Query.orders,              false",
            "demo-integrator, trade,       Subscription.orderUpdated, false",
            "demo-integrator, read,        Mutation.placeOrder,       false",
            "demo-integrator, read trade,  Mutation.createUser,       false",
            "demo-risk,       read risk,   Mutation.haltTrading,      true",
            "demo-risk,       read risk,   Mutation.runBacktest,      true",
            "demo-compliance, read audit,  Query.auditEvents,         true",
            "demo-integrator, read trade,  Mutation.runBacktest,      true",
            "demo-integrator, read trade,  Query.orders,              true",
            "demo-integrator, trade,       Query.me,                  true",
            "demo-integrator, read trade,  Query.somethingNew,        false",
    })
    void a_machine_client_is_held_to_its_scopes(String client, String scopes, String operation, boolean allowed) {
        ApiPrincipal principal = new ApiPrincipal(client, Set.of("INTEGRATOR"), Set.of(scopes.split(" ")), true, false);

        assertThat(OperationScopes.missingScope(operation, principal) == null).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "a user with [{0}] calling {1}: allowed {2}")
    @CsvSource({
            "openid profile read trade, Mutation.haltTrading,  true",
            "openid profile read trade, Query.auditEvents,     true",
            "openid profile read trade, Mutation.placeOrder,   true",
            "openid profile read,       Mutation.placeOrder,   false",
            "openid profile trade,      Query.accounts,        false",
            "openid profile trade,      Mutation.runBacktest,  true",
            "openid profile read,       Mutation.runBacktest,  false",
    })
    void a_users_token_is_held_to_read_and_trade_and_roles_decide_the_rest(String scopes, String operation,
            boolean allowed) {
        ApiPrincipal principal = new ApiPrincipal("risk", Set.of("RISK_OFFICER"), Set.of(scopes.split(" ")), false, true);

        assertThat(OperationScopes.missingScope(operation, principal) == null).isEqualTo(allowed);
    }
}
