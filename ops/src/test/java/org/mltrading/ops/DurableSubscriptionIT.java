package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Issue 16, durable subscriptions, as an integrator meets them over graphql-transport-ws (Spring's
 * GraphQL client, not the platform's code): it processes its orders' changes, disconnects, orders are
 * placed and filled while it is away, and it reconnects with the cursor of the last change it processed
 * — every missed change arrives once, in order, then live ones, with nothing twice at the seam.
 */
class DurableSubscriptionIT {

    private static final String ACCOUNT = "demo-account";
    private static final String ORDER_UPDATES = """
            subscription Updates($after: String) {
              orderUpdated(accountId: "demo-account", after: $after) {
                id clientOrderId status cursor filledQuantity fills { fillId }
              }
            }""";
    private static final String PLACE_ORDER = """
            mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id cursor } }""";

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
    }

    @Test
    void an_integrator_that_reconnects_with_its_cursor_receives_every_missed_change_exactly_once() throws Exception {
        String token = platform.integratorToken();
        String prefix = "durable-" + UUID.randomUUID().toString().substring(0, 8);

        // connected: an order's changes arrive live; the last one processed gives the cursor
        List<Map<String, Object>> first = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = connect(token);
        Disposable live = subscribe(client, null, first);
        String before = placeUntilSeen(token, prefix + "-before", first);
        awaitUntil(() -> statuses(first, before).contains("FILLED"), "the first order FILLED on the live subscription");
        String cursor = (String) first.stream().filter(change -> before.equals(change.get("clientOrderId"))
                && "FILLED".equals(change.get("status"))).findFirst().orElseThrow().get("cursor");
        live.dispose();
        client.stop().block(Duration.ofSeconds(5));

        // away: five market orders are placed and filled
        List<String> missed = new ArrayList<>();
        Map<String, String> latestCursor = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String clientOrderId = prefix + "-missed-" + i;
            missed.add(clientOrderId);
            String orderId = place(token, clientOrderId, i % 2 == 0 ? "BUY" : "SELL");
            awaitUntil(() -> {
                var order = platform.graphql(token, "query($id: ID!) { order(id: $id) { status cursor } }",
                        Map.of("id", orderId)).data().path("order");
                latestCursor.put(clientOrderId, order.path("cursor").asText());
                return "FILLED".equals(order.path("status").asText());
            }, "order " + clientOrderId + " FILLED");
        }

        // back: resume after the cursor, then a live order on the same subscription
        List<Map<String, Object>> resumed = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient again = connect(token);
        try {
            Disposable subscription = subscribe(again, cursor, resumed);
            awaitUntil(() -> missed.stream().allMatch(id -> statuses(resumed, id).contains("FILLED")),
                    "every missed order FILLED in the replay");
            String after = prefix + "-after";
            place(token, after, "BUY");
            awaitUntil(() -> statuses(resumed, after).contains("FILLED"), "the next order live, FILLED");
            Thread.sleep(500); // anything sent twice would arrive now
            subscription.dispose();
        } finally {
            again.stop().block(Duration.ofSeconds(5));
        }

        List<Long> cursors = resumed.stream().map(change -> number((String) change.get("cursor"))).toList();
        assertThat(cursors).as("cursors of the resumed stream").isSorted().doesNotHaveDuplicates();
        assertThat(cursors.get(0)).as("the first change after the cursor").isGreaterThan(number(cursor));
        assertThat(statuses(resumed, before)).as("changes before the cursor are not sent again").isEmpty();
        for (String clientOrderId : missed) {
            // placed, accepted after the risk check, filled in one execution: each change once, in order
            assertThat(statuses(resumed, clientOrderId)).as(clientOrderId).containsExactly("PENDING", "WORKING", "FILLED");
            Map<String, Object> filled = resumed.stream().filter(change -> clientOrderId.equals(change.get("clientOrderId"))
                    && "FILLED".equals(change.get("status"))).findFirst().orElseThrow();
            assertThat(filled.get("fills")).asList().hasSize(1);
            assertThat(filled.get("cursor")).as("the order's cursor in a query is its latest change's")
                    .isEqualTo(latestCursor.get(clientOrderId));
        }
        assertThat(statuses(resumed, prefix + "-after")).containsExactly("PENDING", "WORKING", "FILLED");
    }

    /** The other way in: query the state, then subscribe after the highest cursor of the result. */
    @Test
    void position_changes_after_the_cursor_of_a_query_result_are_replayed_in_order() throws Exception {
        String token = platform.integratorToken();
        long start = 0;
        for (var position : platform.graphql(token, "{ account(id: \"demo-account\") { positions { cursor } } }", null)
                .data().path("account").path("positions")) {
            start = Math.max(start, number(position.path("cursor").asText()));
        }
        String prefix = "durable-pos-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            String orderId = place(token, prefix + "-" + i, "BUY");
            awaitUntil(() -> "FILLED".equals(platform.graphql(token, "query($id: ID!) { order(id: $id) { status } }",
                    Map.of("id", orderId)).data().path("order").path("status").asText()), "order FILLED");
        }

        List<Map<String, Object>> replayed = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = connect(token);
        try {
            Disposable subscription = client.document("""
                            subscription($after: String) {
                              positionUpdated(accountId: "demo-account", after: $after) { symbol quantity cursor }
                            }""").variable("after", "positions:" + start).retrieveSubscription("positionUpdated")
                    .toEntity(Map.class).subscribe(change -> replayed.add(change));
            awaitUntil(() -> replayed.stream().filter(change -> "AAPL".equals(change.get("symbol"))).count() >= 3,
                    "three AAPL position changes replayed");
            subscription.dispose();
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
        List<Long> cursors = replayed.stream().map(change -> number((String) change.get("cursor"))).toList();
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
        assertThat(cursors.get(0)).as("the first change replayed").isGreaterThan(start);
    }

    /** Predictions come at each one-minute close of a PRODUCTION model: wait for two, resume after the first. */
    @Test
    void predictions_after_a_cursor_are_replayed_then_live() throws Exception {
        String token = platform.integratorToken();
        List<com.fasterxml.jackson.databind.JsonNode> stored = new ArrayList<>();
        awaitUntil(() -> {
            stored.clear();
            platform.graphql(token, "{ predictions(symbol: \"AAPL\") { id cursor } }", null).data().path("predictions")
                    .forEach(stored::add);
            return stored.size() >= 2;
        }, "two AAPL predictions", Duration.ofSeconds(150));
        String first = stored.get(0).path("cursor").asText();
        assertThat(number(first)).as("a stored prediction's cursor").isPositive();
        Map<String, Long> later = new HashMap<>();
        stored.stream().filter(p -> number(p.path("cursor").asText()) > number(first))
                .forEach(p -> later.put(p.path("id").asText(), number(p.path("cursor").asText())));
        assertThat(later).as("predictions after the first").isNotEmpty();

        List<Map<String, Object>> replayed = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = connect(token);
        try {
            Disposable subscription = client.document("""
                            subscription($after: String) { predictions(symbols: ["AAPL"], after: $after) { id symbol cursor } }""")
                    .variable("after", first).retrieveSubscription("predictions").toEntity(Map.class)
                    .subscribe(change -> replayed.add(change));
            awaitUntil(() -> replayed.stream().map(change -> change.get("id")).toList().containsAll(later.keySet()),
                    "every later prediction replayed", Duration.ofSeconds(30));
            subscription.dispose();
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
        List<Long> cursors = replayed.stream().map(change -> number((String) change.get("cursor"))).toList();
        assertThat(cursors).isSorted().doesNotHaveDuplicates().allSatisfy(cursor -> assertThat(cursor)
                .isGreaterThan(number(first)));
        assertThat(replayed).allSatisfy(change -> assertThat(change.get("symbol")).isEqualTo("AAPL"));
    }

    @Test
    void malformed_foreign_and_future_cursors_are_refused_with_coded_errors() {
        String token = platform.integratorToken();
        WebSocketGraphQlClient client = connect(token);
        try {
            assertThat(subscriptionError(client, "not-a-cursor")).isEqualTo("VALIDATION_INVALID_CURSOR");
            assertThat(subscriptionError(client, "positions:1")).isEqualTo("VALIDATION_INVALID_CURSOR");
            assertThat(subscriptionError(client, "orders:999999999999999")).isEqualTo("VALIDATION_INVALID_CURSOR");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static String subscriptionError(WebSocketGraphQlClient client, String after) {
        try {
            client.document(ORDER_UPDATES).variable("after", after).retrieveSubscription("orderUpdated")
                    .toEntity(Map.class).blockFirst(Duration.ofSeconds(20));
        } catch (SubscriptionErrorException e) {
            return String.valueOf(e.getErrors().get(0).getExtensions().get("code"));
        }
        throw new AssertionError("cursor " + after + " was accepted");
    }

    private static WebSocketGraphQlClient connect(String token) {
        return WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Disposable subscribe(WebSocketGraphQlClient client, String after, List<Map<String, Object>> into) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("after", after);
        return client.document(ORDER_UPDATES).variables(variables).retrieveSubscription("orderUpdated")
                .toEntity(Map.class).subscribe(change -> into.add((Map<String, Object>) change));
    }

    /** A live-only subscription starts once the server processed "subscribe": place until one shows. */
    private static String placeUntilSeen(String token, String prefix, List<Map<String, Object>> seen) throws Exception {
        for (int i = 0; i < 20; i++) {
            String clientOrderId = prefix + "-" + i;
            place(token, clientOrderId, "BUY");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline) {
                if (!statuses(seen, clientOrderId).isEmpty()) {
                    return clientOrderId;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no order arrived on the live subscription");
    }

    private static String place(String token, String clientOrderId, String side) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", ACCOUNT);
        input.put("clientOrderId", clientOrderId);
        input.put("symbol", "AAPL");
        input.put("side", side);
        input.put("type", "MARKET");
        input.put("quantity", 1);
        var answer = platform.graphql(token, PLACE_ORDER, Map.of("input", input));
        assertThat(answer.errors()).as("placeOrder " + clientOrderId).isNull();
        return answer.data().path("placeOrder").path("id").asText();
    }

    private static List<String> statuses(List<Map<String, Object>> changes, String clientOrderId) {
        return changes.stream().filter(change -> clientOrderId.equals(change.get("clientOrderId")))
                .map(change -> (String) change.get("status")).toList();
    }

    private static long number(String cursor) {
        return Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        awaitUntil(condition, what, Duration.ofSeconds(30));
    }

    private static void awaitUntil(BooleanSupplier condition, String what, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
