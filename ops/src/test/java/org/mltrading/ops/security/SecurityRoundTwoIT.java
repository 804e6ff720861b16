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

    private static String message(GraphQlAnswer answer) {
        return answer.errors().get(0).path("message").asText();
    }
}
