package org.mltrading.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static String message(GraphQlAnswer answer) {
        return answer.errors().get(0).path("message").asText();
    }
}
