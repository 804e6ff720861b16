package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * The trading core through GraphQL as an integrator and a risk officer: fills and positions, resting
 * and cancelled limits, IOC, the notional limit, the kill switch, bad input. Against the live simulated
 * market of the embedded platform.
 */
class TradingIT {

    private static final String PLACE = """
            mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }""";
    private static final String ORDER = """
            query($id: ID!) { order(id: $id) { id status filledQuantity averagePrice rejectCode rejectReason
              fills { price quantity fee } } }""";
    private static final Set<String> TERMINAL = Set.of("FILLED", "CANCELLED", "REJECTED", "EXPIRED");

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    /**
     * placeOrder answers from the commit, before the read model has the order (ADR 0019): the answer must
     * be the order as it is then read, and whatever the client does next — read it, list the account's
     * orders, take its cursor, cancel it — must already find it (read-your-writes).
     */
    @Test
    void the_answer_is_the_order_as_stored_and_the_next_read_finds_it() {
        String all = "id clientOrderId accountId symbol side type quantity limitPrice timeInForce status "
                + "rejectCode rejectReason placedAt updatedAt placedBy filledQuantity cursor";
        for (int i = 0; i < 5; i++) {
            JsonNode answer = platform.graphql(integrator,
                    "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { " + all + " } }",
                    Map.of("input", order("AAPL", "BUY", "LIMIT", "1", "1.00", "GTC"))).data().get("placeOrder");
            String id = answer.get("id").asText();
            JsonNode listed = platform.graphql(integrator, """
                    query($account: ID!) { orders(accountId: $account, first: 20) { edges { node { id } } } }""",
                    Map.of("account", "demo-account")).data().get("orders").get("edges");
            assertThat(listed.findValuesAsText("id")).contains(id);
            JsonNode read = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { " + all + " } }",
                    Map.of("id", id)).data().get("order");
            assertThat(answer.get("status").asText()).isEqualTo("WORKING");
            assertThat(answer.get("cursor").asText()).isNotBlank();
            assertThat(read).isEqualTo(answer);
            JsonNode cancelled = platform.graphql(integrator,
                    "mutation($id: ID!) { cancelOrder(input: {orderId: $id}) { status } }", Map.of("id", id))
                    .data().get("cancelOrder");
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void a_market_order_fills_and_the_position_grows_by_its_quantity() throws Exception {
        BigDecimal before = position("demo-account", "NVDA");

        String id = place(order("NVDA", "BUY", "MARKET", "7", null, "DAY"));
        JsonNode filled = awaitStatus(id, Set.of("FILLED"));

        assertThat(new BigDecimal(filled.get("filledQuantity").asText())).isEqualByComparingTo("7");
        assertThat(filled.get("fills").size()).isPositive();
        assertThat(new BigDecimal(filled.get("averagePrice").asText())).isPositive();
        awaitPosition("demo-account", "NVDA", before.add(new BigDecimal("7")));
    }

    @Test
    void a_far_away_limit_order_rests_as_working_and_cancels() throws Exception {
        String id = place(order("AAPL", "BUY", "LIMIT", "3", "1.00", "GTC"));
        awaitStatus(id, Set.of("WORKING"));

        JsonNode cancelled = platform.graphql(integrator,
                "mutation($id: ID!) { cancelOrder(input: {orderId: $id}) { id status } }", Map.of("id", id))
                .data().get("cancelOrder");

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(awaitStatus(id, TERMINAL).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void an_unfillable_ioc_order_does_not_rest() throws Exception {
        String id = place(order("MSFT", "BUY", "LIMIT", "2", "1.00", "IOC"));

        assertThat(awaitStatus(id, TERMINAL).get("status").asText()).isEqualTo("CANCELLED");
        JsonNode why = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { cancelCode cancelReason } }",
                Map.of("id", id)).data().get("order");
        assertThat(why.get("cancelCode").asText()).isEqualTo("IOC_REMAINDER");
    }

    @Test
    void an_order_above_the_notional_limit_is_rejected_with_its_reason() throws Exception {
        String id = place(order("SPY", "BUY", "LIMIT", "5000", "500.00", "DAY"));

        JsonNode rejected = awaitStatus(id, TERMINAL);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectCode").asText()).isEqualTo("RISK_MAX_ORDER_NOTIONAL");
        assertThat(rejected.get("rejectReason").asText()).contains("1000000");
    }

    @Test
    void a_halted_account_refuses_new_orders_until_resumed() throws Exception {
        String risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        JsonNode halted = platform.graphql(risk,
                "mutation { haltTrading(accountId: \"demo-account\", reason: \"IT kill switch\") { tradingState } }", null)
                .data().get("haltTrading");
        assertThat(halted.get("tradingState").asText()).isEqualTo("HALTED");
        try {
            String id = place(order("AAPL", "BUY", "LIMIT", "1", "1.00", "DAY"));
            JsonNode rejected = awaitStatus(id, TERMINAL);
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("rejectCode").asText()).isEqualTo("RISK_TRADING_HALTED");
        } finally {
            JsonNode resumed = platform.graphql(risk, "mutation { resumeTrading(accountId: \"demo-account\") { tradingState } }", null)
                    .data().get("resumeTrading");
            assertThat(resumed.get("tradingState").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void an_integrator_may_not_halt_trading() {
        var refused = platform.graphql(integrator,
                "mutation { haltTrading(accountId: \"demo-account\", reason: \"x\") { tradingState } }", null);
        assertThat(refused.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void bad_input_gets_a_clean_coded_error_and_stores_nothing() {
        assertThat(platform.graphql(integrator, PLACE, Map.of("input", order("NOPE", "BUY", "MARKET", "1", null, "DAY")))
                .firstErrorCode()).isEqualTo("ORDER_UNKNOWN_SYMBOL");
        assertThat(platform.graphql(integrator, PLACE, Map.of("input", order("AAPL", "BUY", "MARKET", "0", null, "DAY")))
                .firstErrorCode()).isEqualTo("ORDER_INVALID_QUANTITY");
        assertThat(platform.graphql(integrator, PLACE, Map.of("input", order("AAPL", "BUY", "MARKET", "-3", null, "DAY")))
                .firstErrorCode()).isEqualTo("ORDER_INVALID_QUANTITY");
        assertThat(platform.graphql(integrator, PLACE, Map.of("input", order("AAPL", "BUY", "LIMIT", "1", "1.001", "DAY")))
                .firstErrorCode()).isEqualTo("ORDER_INVALID_PRICE");
    }

    @Test
    void the_account_shows_cash_equity_limits_and_utilization() {
        JsonNode account = platform.graphql(integrator, """
                { account(id: "demo-account") { cash equity tradingState limits { maxOrderNotional maxGrossExposure }
                  utilization { grossExposure grossExposureFraction } positions { symbol quantity averagePrice } } }""",
                null).data().get("account");
        assertThat(new BigDecimal(account.get("limits").get("maxOrderNotional").asText())).isEqualByComparingTo("1000000");
        assertThat(new BigDecimal(account.get("cash").asText())).isPositive();
        assertThat(account.get("tradingState").asText()).isEqualTo("ACTIVE");
        // utilisation is a fraction of the limit, derived from the same figures the API shows
        BigDecimal gross = new BigDecimal(account.get("utilization").get("grossExposure").asText());
        BigDecimal limit = new BigDecimal(account.get("limits").get("maxGrossExposure").asText());
        assertThat(new BigDecimal(account.get("utilization").get("grossExposureFraction").asText()))
                .isCloseTo(gross.divide(limit, java.math.MathContext.DECIMAL64), org.assertj.core.data.Offset.offset(new BigDecimal("0.0000001")));
    }

    @Test
    void a_working_order_can_be_amended_and_the_change_is_readable_at_once() throws Exception {
        String id = place(order("AAPL", "BUY", "LIMIT", "4", "1.00", "GTC"));
        awaitStatus(id, Set.of("WORKING"));
        try {
            JsonNode amended = platform.graphql(integrator, """
                    mutation($id: ID!) { amendOrder(input: {orderId: $id, quantity: "6", limitPrice: "1.50"}) { quantity limitPrice status } }""",
                    Map.of("id", id)).data().get("amendOrder");
            assertThat(new BigDecimal(amended.get("quantity").asText())).isEqualByComparingTo("6");
            assertThat(new BigDecimal(amended.get("limitPrice").asText())).isEqualByComparingTo("1.50");
            assertThat(platform.graphql(integrator, """
                    mutation($id: ID!) { amendOrder(input: {orderId: $id, limitPrice: "1.505"}) { id } }""",
                    Map.of("id", id)).firstErrorCode()).isEqualTo("ORDER_INVALID_PRICE");
        } finally {
            platform.graphql(integrator, "mutation($id: ID!) { cancelOrder(input: {orderId: $id}) { id } }", Map.of("id", id));
        }
    }

    @Test
    void a_fill_arrives_on_the_position_updated_subscription() throws Exception {
        var client = org.springframework.graphql.client.WebSocketGraphQlClient
                .builder(platform.websocketUrl(), new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient())
                .interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
                    @Override
                    public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                        return reactor.core.publisher.Mono.just(Map.of("Authorization", "Bearer " + integrator));
                    }
                }).build();
        try {
            var received = client.document("subscription { positionUpdated(accountId: \"demo-account\") { symbol quantity averagePrice } }")
                    .retrieveSubscription("positionUpdated").toEntity(Map.class)
                    .filter(position -> "ETH-USD".equals(position.get("symbol")))
                    .next().toFuture();
            // the subscription is live once the server processed "subscribe": trade until a change arrives
            for (int i = 0; i < 20 && !received.isDone(); i++) {
                place(order("ETH-USD", "BUY", "MARKET", "0.01", null, "DAY"));
                try {
                    received.get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // next order
                }
            }
            Map position = received.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(new BigDecimal((String) position.get("quantity"))).isPositive();
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static Map<String, Object> order(String symbol, String side, String type, String quantity, String limit, String tif) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", "demo-account");
        input.put("clientOrderId", "trade-" + UUID.randomUUID());
        input.put("symbol", symbol);
        input.put("side", side);
        input.put("type", type);
        input.put("quantity", quantity);
        if (limit != null) {
            input.put("limitPrice", limit);
        }
        input.put("timeInForce", tif);
        return input;
    }

    private static String place(Map<String, Object> input) {
        var answer = platform.graphql(integrator, PLACE, Map.of("input", input));
        assertThat(answer.errors()).as("errors of %s", answer.body()).isNull();
        return answer.data().get("placeOrder").get("id").asText();
    }

    private static JsonNode awaitStatus(String id, Set<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode order = null;
        while (System.nanoTime() < deadline) {
            order = platform.graphql(integrator, ORDER, Map.of("id", id)).data().get("order");
            if (order != null && wanted.contains(order.get("status").asText())) {
                return order;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + id + " not in " + wanted + " within 30 s: " + order);
    }

    private static BigDecimal position(String accountId, String symbol) {
        JsonNode positions = platform.graphql(integrator, "query($id: ID!) { account(id: $id) { positions { symbol quantity } } }",
                Map.of("id", accountId)).data().get("account").get("positions");
        for (JsonNode position : positions) {
            if (position.get("symbol").asText().equals(symbol)) {
                return new BigDecimal(position.get("quantity").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static void awaitPosition(String accountId, String symbol, BigDecimal expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BigDecimal actual = null;
        while (System.nanoTime() < deadline) {
            actual = position(accountId, symbol);
            if (actual.compareTo(expected) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("position " + symbol + " is " + actual + ", expected " + expected);
    }
}
