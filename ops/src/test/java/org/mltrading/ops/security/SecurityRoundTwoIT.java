package org.mltrading.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * Issue 14, round two: the outside probe's requests for findings 7, 8, 9, 11 and 12 and the security
 * headers, sent to the all-in-one platform, each now answered safely.
 */
class SecurityRoundTwoIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
    }

    /** Finding 8: order ids derive from (account, clientOrderId), so "no access" confirmed another account's order. */
    @Test
    void cancel_and_amend_of_another_accounts_order_answer_like_an_unknown_id() {
        String trader = platform.userToken("trader");
        GraphQlAnswer placed = platform.graphql(trader, """
                mutation { placeOrder(input: {accountId: "demo-account-2", clientOrderId: "%s", symbol: "AAPL", side: BUY,
                  type: LIMIT, quantity: "1", limitPrice: "1.00", timeInForce: GTC}) { id } }"""
                .formatted("round-two-" + System.nanoTime()), null);
        assertThat(placed.errors()).as(placed.body().toString()).isNull();
        String othersOrder = placed.data().path("placeOrder").path("id").asText();
        String unknownOrder = java.util.UUID.randomUUID().toString();

        String integrator = platform.integratorToken(); // entitled to demo-account only
        for (String mutation : List.of("mutation($id: ID!) { cancelOrder(input: {orderId: $id}) { id } }",
                "mutation($id: ID!) { amendOrder(input: {orderId: $id, quantity: \"2\"}) { id } }")) {
            GraphQlAnswer others = platform.graphql(integrator, mutation, Map.of("id", othersOrder));
            GraphQlAnswer unknown = platform.graphql(integrator, mutation, Map.of("id", unknownOrder));
            assertThat(others.firstErrorCode()).as(others.body().toString()).isEqualTo("NOT_FOUND");
            assertThat(unknown.firstErrorCode()).as(unknown.body().toString()).isEqualTo("NOT_FOUND");
            assertThat(others.status()).isEqualTo(unknown.status());
            assertThat(message(others).replace(othersOrder, "<id>")).isEqualTo(message(unknown).replace(unknownOrder, "<id>"));
            assertThat(others.body().toString()).doesNotContain("demo-account-2");
        }
        GraphQlAnswer stillThere = platform.graphql(trader, "query($id: ID!) { order(id: $id) { status quantity } }",
                Map.of("id", othersOrder));
        assertThat(stillThere.data().path("order").path("status").asText()).isEqualTo("WORKING");
    }

    /** Finding 9: a million characters with NUL, ESC and bidi overrides were stored forever in the event store. */
    @Test
    void free_text_with_control_or_bidi_characters_or_over_its_bound_is_refused_before_any_command() {
        String admin = platform.userToken("admin");
        String accountId = "round-two-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer opened = platform.graphql(admin, """
                mutation($id: ID!) { openAccount(input: {accountId: $id, name: "Round two", owner: "trader", currency: "USD",
                  initialCash: "1000"}) { id } }""", Map.of("id", accountId));
        assertThat(opened.errors()).as(opened.body().toString()).isNull();
        String risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        String halt = "mutation($id: ID!, $r: String!) { haltTrading(accountId: $id, reason: $r) { tradingState } }";

        GraphQlAnswer huge = platform.graphql(risk, halt, Map.of("id", accountId, "r", "x".repeat(999_000) + "\u0000"));
        assertThat(huge.firstErrorCode()).as(huge.status() + "").isEqualTo("VALIDATION_TEXT_TOO_LONG");
        for (String reason : List.of("risk\u0000", "risk \u001B[2J", "risk \u202Eenilno")) {
            GraphQlAnswer refused = platform.graphql(risk, halt, Map.of("id", accountId, "r", reason));
            assertThat(refused.firstErrorCode()).as(refused.body().toString()).isEqualTo("VALIDATION_TEXT_INVALID_CHARACTER");
        }
        GraphQlAnswer name = platform.graphql(admin, """
                mutation { openAccount(input: {accountId: "round-two-evil", name: "evil\\u202Ename", owner: "trader",
                  currency: "USD", initialCash: "1"}) { id } }""", null);
        assertThat(name.firstErrorCode()).as(name.body().toString()).isEqualTo("VALIDATION_TEXT_INVALID_CHARACTER");

        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        GraphQlAnswer trail = platform.graphql(compliance, "query($id: ID!) { auditTrail(aggregateId: $id) { type } }",
                Map.of("id", accountId));
        assertThat(trail.body().toString()).as("no halt reached the event store").doesNotContain("Halted");
        GraphQlAnswer account = platform.graphql(risk, "query($id: ID!) { account(id: $id) { tradingState } }",
                Map.of("id", accountId));
        assertThat(account.data().path("account").path("tradingState").asText()).isEqualTo("ACTIVE");
        assertThat(platform.graphql(admin, "{ account(id: \"round-two-evil\") { id } }", null).data().path("account").isNull())
                .isTrue();
    }

    /** Finding 11: a client named like a user had the user's accounts listed, and account(id) answered null. */
    @Test
    void accounts_lists_exactly_the_accounts_that_account_answers() {
        String admin = platform.userToken("admin");
        List<String> all = ids(platform.graphql(admin, "{ accounts { id } }", null));
        assertThat(all).contains("demo-account", "demo-account-2");
        // what the auth server no longer issues (a client with a user's name), signed with its key
        String clientNamedLikeTheTrader = platform.signedWithThePlatformKey("trader", List.of("INTEGRATOR"),
                List.of("platform-api"), false);
        for (String token : List.of(clientNamedLikeTheTrader, platform.userToken("trader"), platform.integratorToken(),
                platform.clientToken("demo-risk", "demo-risk-secret", "read risk"))) {
            List<String> answered = new ArrayList<>();
            for (String id : all) {
                GraphQlAnswer account = platform.graphql(token, "query($id: ID!) { account(id: $id) { id } }", Map.of("id", id));
                if (!account.data().path("account").isNull()) {
                    answered.add(id);
                }
            }
            assertThat(ids(platform.graphql(token, "{ accounts { id } }", null))).containsExactlyInAnyOrderElementsOf(answered);
        }
        assertThat(ids(platform.graphql(clientNamedLikeTheTrader, "{ accounts { id } }", null)))
                .doesNotContain("demo-account", "demo-account-2");
    }

    /** Finding 12, HTTP: an over-complex document answered 500 with Spring's error body; a chunked 1 MiB+ body 400. */
    @Test
    void over_complex_documents_and_oversized_chunked_bodies_get_coded_refusals() {
        String integrator = platform.integratorToken();
        GraphQlAnswer complex = platform.graphql(integrator, "{ " + "me { subject } ".repeat(3_000) + "}", null);
        assertThat(complex.status()).isIn(200, 400);
        assertThat(complex.firstErrorCode()).as(complex.body().toString()).isEqualTo("VALIDATION_QUERY_TOO_COMPLEX");

        String body = "{\"query\":\"{ me { subject } }\",\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        // a publisher of unknown length: the client sends the body chunked, without Content-Length
        HttpResponse<String> chunked = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + integrator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("VALIDATION_REQUEST_TOO_LARGE");

        String small = "{\"query\":\"{ me { subject } }\"}";
        HttpResponse<String> fine = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + integrator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)))).build());
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(fine.body()).contains("demo-integrator");
    }

    /**
     * Finding 12, WebSocket: an over-complex subscribe closed the whole connection with 1011, ending the
     * caller's other subscriptions; a frame that is not JSON closed it with 1011 instead of 4400.
     */
    @Test
    void an_over_complex_subscribe_ends_only_its_operation_and_a_frame_that_is_not_json_closes_with_4400() throws Exception {
        RawGraphQlWebSocket socket = RawGraphQlWebSocket.open(platform.websocketUrl(), platform.integratorToken());
        socket.send("{\"id\":\"quotes\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"subscription { quotes(symbols: [\\\"AAPL\\\", \\\"MSFT\\\"]) { symbol } }\"}}");
        socket.awaitMessage(message -> message.contains("\"id\":\"quotes\"") && message.contains("\"next\""));

        // complexity 601 (the limit is 500), yet one valid root field, in a frame under the 8 KiB text buffer
        String complex = "subscription { quotes(symbols: [\\\"AAPL\\\"]) { " + "symbol ".repeat(600) + "} }";
        socket.send("{\"id\":\"complex\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + complex + "\"}}");
        String refused = socket.awaitMessage(message -> message.contains("\"id\":\"complex\""));
        assertThat(refused).contains("\"type\":\"error\"").contains("VALIDATION_QUERY_TOO_COMPLEX");
        socket.clear();
        assertThat(socket.awaitMessage(message -> message.contains("\"id\":\"quotes\"") && message.contains("\"next\"")))
                .as("the other subscription carries on").isNotNull();
        assertThat(socket.closeCode()).as("still open").isNull();

        socket.send("this is not json");
        assertThat(socket.awaitClose()).isEqualTo(4400);
    }

    /** A subscribe whose payload is not an object broke the protocol too: 4400, not the 1011 of a server error. */
    @Test
    void a_subscribe_whose_payload_is_not_an_object_closes_with_4400() throws Exception {
        RawGraphQlWebSocket socket = RawGraphQlWebSocket.open(platform.websocketUrl(), platform.integratorToken());
        socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":\"x\"}");
        assertThat(socket.awaitClose()).isEqualTo(4400);
    }

    /** Finding 7 in the local profile (the profile of ops/run and these tests): metrics and health components stay anonymous. */
    @Test
    void the_local_profile_keeps_metrics_and_health_components_anonymous() {
        HttpResponse<String> metrics = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/actuator/prometheus")).build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        HttpResponse<String> health = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/actuator/health")).build());
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"mongo\"");
    }

    /** "Also": the 401 challenge, security headers, SameSite cookies and no default error pages. */
    @Test
    void answers_carry_the_challenge_security_headers_samesite_cookies_and_no_default_error_page() {
        HttpResponse<String> anonymous = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { subject } }\"}"))
                .build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));

        HttpResponse<String> api = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + platform.integratorToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { subject } }\"}")).build());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(api.headers().firstValue("Permissions-Policy")).hasValueSatisfying(value -> assertThat(value).contains("camera=()"));
        assertThat(api.headers().firstValue("Strict-Transport-Security")).as("no TLS here").isEmpty();

        HttpResponse<String> ui = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/")).build());
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(value -> assertThat(value)
                .contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(ui.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(ui.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));

        HttpResponse<String> login = platform.send(HttpRequest.newBuilder(URI.create(platform.authUrl() + "/login")).build());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(value -> assertThat(value)
                .contains("frame-ancestors 'none'").contains("default-src 'none'"));
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));

        // the GraphQL handler refuses a body that is not JSON: the error dispatch answers a coded body
        HttpResponse<String> broken = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + platform.integratorToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"code\"").doesNotContain("timestamp").doesNotContain("Whitelabel");
        HttpResponse<String> authError = platform.send(HttpRequest.newBuilder(URI.create(platform.authUrl() + "/error"))
                .header("Accept", "text/html").build());
        assertThat(authError.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    private static List<String> ids(GraphQlAnswer answer) {
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        List<String> ids = new ArrayList<>();
        answer.data().path("accounts").forEach(account -> ids.add(account.path("id").asText()));
        return ids;
    }

    private static String message(GraphQlAnswer answer) {
        return answer.errors().get(0).path("message").asText();
    }
}
