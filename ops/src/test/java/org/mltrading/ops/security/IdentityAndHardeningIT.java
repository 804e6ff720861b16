package org.mltrading.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * The identity and hardening promises, checked from outside against the all-in-one platform: the
 * second factor gates changes, entitlements bound integrators, abusive documents and bodies are refused
 * quickly, administrators manage clients/users/keys through GraphQL, and compliance sees all of it in
 * the access audit.
 */
class IdentityAndHardeningIT {

    /** Generous smoke bound: "quickly" means no resolver work, not a benchmark. */
    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
    }

    @Test
    void an_integrator_can_neither_read_nor_trade_demo_account_2() {
        String integrator = platform.integratorToken();
        assertThat(platform.graphql(integrator, "{ account(id: \"demo-account-2\") { id } }", null).data()
                .get("account").isNull()).isTrue();
        assertThat(platform.graphql(integrator, "{ accounts { id } }", null).data().get("accounts").findValuesAsText("id"))
                .contains("demo-account").doesNotContain("demo-account-2");
        GraphQlAnswer trade = platform.graphql(integrator, """
                mutation { placeOrder(input: {accountId: "demo-account-2", clientOrderId: "intruder-1", symbol: "AAPL",
                  side: BUY, type: MARKET, quantity: "1", timeInForce: DAY}) { id } }""", null);
        assertThat(trade.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(trade.body().toString()).doesNotContain("Exception").doesNotContain("org.mltrading");
    }

    @Test
    void a_user_token_without_the_second_factor_cannot_trade_but_one_with_it_can() throws Exception {
        String withoutMfa = signedWithThePlatformKey("trader", List.of("TRADER"), List.of("platform-api"), false);
        assertThat(platform.graphql(withoutMfa, "{ me { subject } }", null).status()).as("reading is fine").isEqualTo(200);
        GraphQlAnswer refused = platform.graphql(withoutMfa, placeOrder("demo-account", "no-mfa-1"), null);
        assertThat(refused.firstErrorCode()).isEqualTo("AUTH_MFA_REQUIRED");

        String withMfa = platform.userToken("trader");
        GraphQlAnswer placed = platform.graphql(withMfa, placeOrder("demo-account", "with-mfa-1"), null);
        assertThat(placed.errors()).as(placed.body().toString()).isNull();
        assertThat(placed.data().path("placeOrder").path("id").asText()).isNotBlank();
    }

    @Test
    void a_genuinely_signed_token_for_another_audience_is_refused() throws Exception {
        String otherApi = signedWithThePlatformKey("demo-integrator", List.of("INTEGRATOR"), List.of("reporting-api"), false);
        assertThat(platform.graphql(otherApi, "{ me { subject } }", null).status()).isEqualTo(401);
    }

    @Test
    void abusive_documents_and_bodies_are_refused_quickly_and_audited() {
        String integrator = platform.integratorToken();
        Instant before = Instant.now().minusSeconds(1);

        // 45+ levels through the recursive introspection types (the schema itself has no deep recursion)
        StringBuilder nested = new StringBuilder("{ __schema { types { ");
        for (int level = 0; level < 30; level++) {
            nested.append(level % 2 == 0 ? "fields { type { " : "ofType { ");
        }
        nested.append("name ");
        long opened = nested.chars().filter(c -> c == '{').count();
        nested.append("} ".repeat((int) opened));
        String deep = nested.toString();
        assertThat(opened).isGreaterThanOrEqualTo(45);
        long start = System.nanoTime();
        GraphQlAnswer tooDeep = platform.graphql(integrator, deep, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(tooDeep.firstErrorCode()).isEqualTo("VALIDATION_QUERY_TOO_COMPLEX");

        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 5_000; i++) {
            aliases.append("a").append(i).append(": me { subject } ");
        }
        start = System.nanoTime();
        GraphQlAnswer aliased = platform.graphql(integrator, aliases.append('}').toString(), null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(aliased.firstErrorCode()).isIn("VALIDATION_TOO_MANY_ALIASES", "VALIDATION_QUERY_TOO_COMPLEX");
        GraphQlAnswer fewAliases = platform.graphql(integrator,
                "{ a0: me { subject } a1: me { subject } a2: me { subject } }", null);
        assertThat(fewAliases.errors()).as("a handful of aliases is fine").isNull();
        StringBuilder fortyAliases = new StringBuilder("{ ");
        for (int i = 0; i < 40; i++) {
            fortyAliases.append("q").append(i).append(": quote(symbol: \"AAPL\") { bid } ");
        }
        assertThat(platform.graphql(integrator, fortyAliases.append('}').toString(), null).firstErrorCode())
                .isEqualTo("VALIDATION_TOO_MANY_ALIASES");

        String fiveMegabytes = "{\"query\":\"{ me { subject } }\",\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        start = System.nanoTime();
        int status = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + integrator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fiveMegabytes)).build()).statusCode();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(status).isEqualTo(413);

        assertThat(platform.graphql("not-a-jwt", "{ me { subject } }", null).status()).isEqualTo(401);

        List<String> expected = List.of("VALIDATION_QUERY_TOO_COMPLEX", "VALIDATION_TOO_MANY_ALIASES", "HTTP 413",
                "HTTP 401 AUTH_UNAUTHENTICATED");
        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        JsonNode denials = awaitAudit(compliance, "{type: \"REQUEST_DENIED\"}", before,
                nodes -> expected.stream().allMatch(prefix -> details(nodes).stream().anyMatch(d -> d.startsWith(prefix))));
        for (String prefix : expected) {
            assertThat(details(denials)).as("the access audit shows the refused " + prefix)
                    .anyMatch(detail -> detail.startsWith(prefix));
        }
    }

    @Test
    void logins_and_issued_tokens_are_in_the_access_audit_for_compliance_only() {
        Instant before = Instant.now().minusSeconds(1);
        platform.userToken("risk");
        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        JsonNode logins = awaitAudit(compliance, "{principal: \"risk\", type: \"LOGIN_SUCCEEDED\"}", before, nodes -> !nodes.isEmpty());
        assertThat(logins.get(0).path("source").asText()).isEqualTo("auth-server");
        assertThat(logins.get(0).path("detail").asText()).contains("TOTP");
        assertThat(awaitAudit(compliance, "{principal: \"risk\", type: \"TOKEN_ISSUED\"}", before, nodes -> !nodes.isEmpty()))
                .isNotEmpty();

        assertThat(platform.graphql(platform.integratorToken(), "{ accessAudit { edges { node { id } } } }", null)
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void an_admin_creates_an_integrator_client_entitled_to_one_account_and_rotates_its_secret_and_the_keys() {
        String admin = platform.userToken("admin");
        String clientId = "acme-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer created = platform.graphql(admin, """
                mutation($id: ID!) { createIntegratorClient(input: {clientId: $id, scopes: ["read", "trade"],
                  accountIds: ["demo-account-2"]}) { clientId clientSecret scopes } }""", Map.of("id", clientId));
        assertThat(created.errors()).as(created.body().toString()).isNull();
        String secret = created.data().path("createIntegratorClient").path("clientSecret").asText();

        String acme = platform.clientToken(clientId, secret, "read trade");
        assertThat(platform.graphql(acme, "{ account(id: \"demo-account-2\") { id } }", null).data()
                .path("account").path("id").asText()).isEqualTo("demo-account-2");
        assertThat(platform.graphql(acme, "{ account(id: \"demo-account\") { id } }", null).data()
                .get("account").isNull()).isTrue();

        GraphQlAnswer rotated = platform.graphql(admin, "mutation($id: ID!) { rotateClientSecret(clientId: $id) { clientSecret } }",
                Map.of("id", clientId));
        String newSecret = rotated.data().path("rotateClientSecret").path("clientSecret").asText();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(platform.clientToken(clientId, newSecret, "read")).isNotBlank();

        GraphQlAnswer revoked = platform.graphql(admin, """
                mutation($id: String!) { revokeAccountEntitlement(accountId: "demo-account-2", principal: $id) { id } }""",
                Map.of("id", clientId));
        assertThat(revoked.errors()).isNull();
        assertThat(platform.graphql(platform.clientToken(clientId, newSecret, "read"),
                "{ account(id: \"demo-account-2\") { id } }", null).data().get("account").isNull()).isTrue();

        GraphQlAnswer keys = platform.graphql(admin, "mutation { rotateSigningKey { activeKeyId publishedKeyIds } }", null);
        assertThat(keys.errors()).isNull();
        assertThat(keys.data().path("rotateSigningKey").path("publishedKeyIds").size()).isGreaterThanOrEqualTo(2);
        assertThat(platform.graphql(platform.integratorToken(), "{ me { subject } }", null).status())
                .as("a token signed with the new key is accepted (the API fetches the new JWKS)").isEqualTo(200);
        assertThat(platform.graphql(acme, "{ me { subject } }", null).status())
                .as("a token signed with the old key lives out its lifetime").isEqualTo(200);

        GraphQlAnswer badScope = platform.graphql(admin, """
                mutation { createIntegratorClient(input: {clientId: "bad-scope-client", scopes: ["root"]}) { clientId } }""", null);
        assertThat(badScope.firstErrorCode()).isEqualTo("VALIDATION_INVALID_SCOPE");
        assertThat(platform.graphql(platform.integratorToken(), "mutation { rotateSigningKey { activeKeyId } }", null)
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void an_admin_creates_and_disables_users() {
        String admin = platform.userToken("admin");
        String username = "analyst-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer created = platform.graphql(admin, """
                mutation($u: ID!) { createUser(input: {username: $u, password: "a long enough password", roles: ["TRADER"]})
                  { username roles enabled mfaEnrolled } }""", Map.of("u", username));
        assertThat(created.errors()).as(created.body().toString()).isNull();
        assertThat(created.data().path("createUser").path("mfaEnrolled").asBoolean()).isFalse();
        GraphQlAnswer weak = platform.graphql(admin, """
                mutation { createUser(input: {username: "weak-one", password: "short", roles: ["TRADER"]}) { username } }""", null);
        assertThat(weak.firstErrorCode()).isEqualTo("VALIDATION_WEAK_PASSWORD");

        GraphQlAnswer disabled = platform.graphql(admin, "mutation($u: ID!) { setUserEnabled(username: $u, enabled: false) { enabled } }",
                Map.of("u", username));
        assertThat(disabled.data().path("setUserEnabled").path("enabled").asBoolean()).isFalse();
        assertThat(platform.graphql(admin, "{ users { username enabled } }", null).data().path("users").toString())
                .contains(username);
    }

    /**
     * Issue 14, finding 2: a disabled administrator's unexpired access token still ran
     * createIntegratorClient through GraphQL (the platform forwards it to the auth server's admin API).
     */
    @Test
    void a_disabled_administrators_unexpired_token_creates_no_client_through_graphql() {
        String admin = platform.userToken("admin");
        String username = "admin-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer created = platform.graphql(admin, """
                mutation($u: ID!) { createUser(input: {username: $u, password: "a long enough password", roles: ["ADMIN"]})
                  { username } }""", Map.of("u", username));
        assertThat(created.errors()).as(created.body().toString()).isNull();
        String second = platform.userToken(username, "a long enough password");
        String create = """
                mutation($id: ID!) { createIntegratorClient(input: {clientId: $id, scopes: ["read", "trade"]}) { clientId } }""";
        GraphQlAnswer allowed = platform.graphql(second, create, Map.of("id", "by-" + username));
        assertThat(allowed.errors()).as("while enabled: " + allowed.body()).isNull();

        GraphQlAnswer disabled = platform.graphql(admin, "mutation($u: ID!) { setUserEnabled(username: $u, enabled: false) { enabled } }",
                Map.of("u", username));
        assertThat(disabled.errors()).as(disabled.body().toString()).isNull();

        GraphQlAnswer backdoor = platform.graphql(second, create, Map.of("id", "backdoor-" + username));
        assertThat(backdoor.firstErrorCode()).as(backdoor.body().toString()).isEqualTo("PERMISSION_DENIED");
        assertThat(backdoor.body().path("data").path("createIntegratorClient").path("clientId").isMissingNode())
                .as("no client created: " + backdoor.body()).isTrue();
        assertThat(platform.graphql(second, "mutation { rotateSigningKey { activeKeyId } }", null).firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
    }

    /** Issue 14, finding 6: X-Forwarded-For from a caller that is no configured proxy is not believed. */
    @Test
    void a_forged_forwarded_address_is_not_recorded_as_the_callers() {
        Instant before = Instant.now().minusSeconds(1);
        String marker = "forged-" + System.nanoTime();
        int status = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + marker).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { subject } }\"}")).build()).statusCode();
        assertThat(status).isEqualTo(401);

        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        JsonNode denials = awaitAudit(compliance, "{type: \"REQUEST_DENIED\"}", before,
                nodes -> details(nodes).stream().anyMatch(detail -> detail.startsWith("HTTP 401")));
        List<String> addresses = new ArrayList<>();
        denials.forEach(node -> addresses.add(node.path("remoteAddress").asText()));
        assertThat(addresses).as("addresses of the refusals since the forged request").isNotEmpty()
                .doesNotContain("203.0.113.7");
    }

    private static String placeOrder(String accountId, String clientOrderId) {
        return """
                mutation { placeOrder(input: {accountId: "%s", clientOrderId: "%s", symbol: "AAPL", side: BUY,
                  type: MARKET, quantity: "1", timeInForce: DAY}) { id status } }""".formatted(accountId, clientOrderId);
    }

    private static List<String> details(JsonNode nodes) {
        List<String> details = new ArrayList<>();
        nodes.forEach(entry -> details.add(entry.path("detail").asText()));
        return details;
    }

    /** Audit entries are written asynchronously: polls (up to 10 s) until {@code done} holds for what the filter finds. */
    private static JsonNode awaitAudit(String token, String filter, Instant since,
            java.util.function.Predicate<JsonNode> done) {
        String query = "{ accessAudit(filter: %s, first: 500) { edges { node { type source principal detail at remoteAddress } } } }"
                .formatted(filter.replace("}", ", from: \"" + since + "\"}"));
        JsonNode nodes = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            GraphQlAnswer answer = platform.graphql(token, query, null);
            assertThat(answer.errors()).as(answer.body().toString()).isNull();
            com.fasterxml.jackson.databind.node.ArrayNode found = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            answer.data().path("accessAudit").path("edges").forEach(edge -> found.add(edge.path("node")));
            nodes = found;
            if (done.test(nodes)) {
                break;
            }
            sleep(200);
        }
        return nodes;
    }

    private static String signedWithThePlatformKey(String subject, List<String> roles, List<String> audience, boolean mfa) {
        return platform.signedWithThePlatformKey(subject, roles, audience, mfa);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
