package org.mltrading.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mltrading.api.account.GrantAccountEntitlementCommand;
import org.mltrading.api.common.AccountId;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.security.ApiPrincipal;
import org.mltrading.graphql.types.CreateIntegratorClientInput;
import org.mltrading.graphql.types.CreateUserInput;
import org.mltrading.graphql.types.IntegratorClient;
import org.mltrading.graphql.types.IntegratorClientCredentials;
import org.mltrading.graphql.types.SigningKeys;
import org.mltrading.graphql.types.User;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Identity administration through the one GraphQL API (ADMIN): integrator clients, users and signing
 * keys live in the auth server and are changed through its admin API; account entitlements are
 * platform data (see the account package).
 */
@DgsComponent
class AdminDataFetcher {

    private final IdentityAdminClient auth;
    private final AccountDirectory accounts;
    private final CommandGateway commands;

    AdminDataFetcher(IdentityAdminClient auth, AccountDirectory accounts, CommandGateway commands) {
        this.auth = auth;
        this.accounts = accounts;
        this.commands = commands;
    }

    @DgsQuery
    @PreAuthorize("hasRole('ADMIN')")
    List<User> users() {
        List<User> users = new ArrayList<>();
        auth.get("/admin/users").forEach(node -> users.add(user(node)));
        return users;
    }

    /**
     * Creates the client, then entitles it to the given accounts. Accounts are checked first, so a
     * typo creates nothing rather than a client without its accounts.
     */
    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    IntegratorClientCredentials createIntegratorClient(@InputArgument CreateIntegratorClientInput input) {
        List<String> accountIds = input.getAccountIds() == null ? List.of() : input.getAccountIds();
        for (String accountId : accountIds) {
            if (accounts.find(accountId).isEmpty()) {
                throw new ApiException(ApiErrorCode.NOT_FOUND, "no account " + accountId);
            }
        }
        JsonNode created = auth.post("/admin/clients", Map.of("clientId", input.getClientId(), "scopes", input.getScopes()));
        MetaData who = CommandMetadata.of(ApiPrincipal.current());
        accountIds.forEach(accountId -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new GrantAccountEntitlementCommand(new AccountId(accountId), input.getClientId())).andMetaData(who)));
        return credentials(created);
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    IntegratorClient grantClientScopes(@InputArgument String clientId, @InputArgument List<String> scopes) {
        JsonNode client = auth.put("/admin/clients/{id}/scopes", Map.of("scopes", scopes), clientId);
        return IntegratorClient.newBuilder().clientId(client.path("clientId").asText())
                .scopes(strings(client.path("scopes"))).roles(strings(client.path("roles"))).build();
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    IntegratorClientCredentials rotateClientSecret(@InputArgument String clientId) {
        return credentials(auth.post("/admin/clients/{id}/secret", null, clientId));
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    User createUser(@InputArgument CreateUserInput input) {
        return user(auth.post("/admin/users", Map.of("username", input.getUsername(), "password", input.getPassword(),
                "roles", input.getRoles())));
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    User setUserEnabled(@InputArgument String username, @InputArgument Boolean enabled) {
        return user(auth.put("/admin/users/{username}/enabled", Map.of("enabled", enabled), username));
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    SigningKeys rotateSigningKey() {
        JsonNode keys = auth.post("/admin/signing-keys/rotate", null);
        return SigningKeys.newBuilder().activeKeyId(keys.path("activeKeyId").asText())
                .publishedKeyIds(strings(keys.path("publishedKeyIds"))).build();
    }

    private static IntegratorClientCredentials credentials(JsonNode node) {
        return IntegratorClientCredentials.newBuilder().clientId(node.path("clientId").asText())
                .clientSecret(node.path("clientSecret").asText()).scopes(strings(node.path("scopes"))).build();
    }

    private static User user(JsonNode node) {
        JsonNode locked = node.path("lockedUntil");
        return User.newBuilder().username(node.path("username").asText()).roles(strings(node.path("roles")))
                .enabled(node.path("enabled").asBoolean()).mfaEnrolled(node.path("mfaEnrolled").asBoolean())
                .lockedUntil(locked.isTextual() ? OffsetDateTime.ofInstant(Instant.parse(locked.asText()), ZoneOffset.UTC) : null)
                .build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
