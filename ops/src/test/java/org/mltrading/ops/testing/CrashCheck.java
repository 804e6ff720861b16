package org.mltrading.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order load with a client-side journal of acknowledgements, and what must hold after a kill -9 in
 * the middle of it: used by {@code DurabilityIT} (one kill) and {@code ops/bench crash} (many).
 */
public final class CrashCheck {

    private static final String PLACE_ORDER = """
            mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id clientOrderId status } }""";

    private CrashCheck() {
    }

    /**
     * Within {@code within} of a restart: every stored order of the account is decided (none PENDING), no order
     * is there twice, and the account's positions equal the signed sum of its orders' fills.
     */
    public static void assertEveryOrderDecidedOnceAndPositionsEqualFills(RunningPlatform client, List<String> acknowledged,
                                                                        Duration within) throws InterruptedException {
        String token = client.integratorToken();
        long deadline = System.nanoTime() + within.toNanos();
        String problem;
        do {
            problem = null;
            List<JsonNode> edges = allOrders(client, token);
            Map<String, java.math.BigDecimal> filled = new HashMap<>();
            java.util.Set<String> clientOrderIds = new java.util.HashSet<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (JsonNode edge : edges) {
                JsonNode order = edge.get("node");
                ids.add(order.get("id").asText());
                assertThat(clientOrderIds.add(order.get("clientOrderId").asText()))
                        .as("clientOrderId %s stored once", order.get("clientOrderId").asText()).isTrue();
                if (order.get("status").asText().equals("PENDING")) {
                    problem = "order " + order.get("id").asText() + " is PENDING";
                }
                java.math.BigDecimal quantity = new java.math.BigDecimal(order.get("filledQuantity").asText());
                filled.merge(order.get("symbol").asText(),
                        order.get("side").asText().equals("BUY") ? quantity : quantity.negate(), java.math.BigDecimal::add);
            }
            // the read model converges after a restart: a missing order is a reason to look again, until the deadline
            List<String> missing = acknowledged.stream().filter(id -> !ids.contains(id)).toList();
            if (!missing.isEmpty()) {
                problem = missing.size() + " acknowledged orders not readable, e.g. " + missing.get(0);
            }
            JsonNode positions = client.graphql(token, "{ account(id: \"demo-account\") { positions { symbol quantity } } }",
                    null).data().get("account").get("positions");
            Map<String, java.math.BigDecimal> held = new HashMap<>();
            positions.forEach(position -> held.put(position.get("symbol").asText(),
                    new java.math.BigDecimal(position.get("quantity").asText())));
            for (var entry : filled.entrySet()) {
                java.math.BigDecimal position = held.getOrDefault(entry.getKey(), java.math.BigDecimal.ZERO);
                if (position.compareTo(entry.getValue()) != 0) {
                    problem = entry.getKey() + ": position " + position + " but fills sum to " + entry.getValue();
                }
            }
            if (problem != null) {
                Thread.sleep(500);
            }
        } while (problem != null && System.nanoTime() < deadline);
        assertThat(problem).as("within %s of the restart", within).isNull();
    }

    /** Every order of demo-account, page by page (a page holds at most 500). */
    private static List<JsonNode> allOrders(RunningPlatform client, String token) {
        List<JsonNode> edges = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            var answer = client.graphql(token, "query($after: String) { orders(accountId: \"demo-account\", first: 200, "
                    + "after: $after) { edges { node { id clientOrderId status side symbol filledQuantity } } "
                    + "pageInfo { hasNextPage endCursor } } }", variables);
            assertThat(answer.errors()).as("errors of %s", answer.body()).isNull();
            JsonNode page = answer.data().get("orders");
            page.get("edges").forEach(edges::add);
            if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
                return edges;
            }
            after = page.get("pageInfo").get("endCursor").asText();
        }
    }

    /** Clients placing MARKET orders back to back, each acknowledgement journalled as it arrives. */
    public static final class Load {
        private final List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        public static Load start(RunningPlatform client, String prefix, int clients) {
            Load load = new Load();
            String token = client.integratorToken();
            for (int c = 0; c < clients; c++) {
                int clientNo = c;
                Thread thread = new Thread(() -> {
                    for (int i = 0; load.running; i++) {
                        Map<String, Object> input = new HashMap<>();
                        input.put("accountId", "demo-account");
                        input.put("clientOrderId", prefix + "-" + clientNo + "-" + i);
                        input.put("symbol", i % 2 == 0 ? "MSFT" : "AAPL");
                        input.put("side", i % 3 == 0 ? "SELL" : "BUY");
                        input.put("type", "MARKET");
                        input.put("quantity", "1");
                        try {
                            var answer = client.graphql(token, PLACE_ORDER, Map.of("input", input));
                            if (answer.errors() == null && answer.data() != null) {
                                load.acknowledged.add(answer.data().get("placeOrder").get("id").asText());
                            }
                        } catch (RuntimeException connectionLost) {
                            return; // the platform was killed: unacknowledged, so not journalled
                        }
                    }
                }, "durability-load-" + c);
                thread.setDaemon(true);
                thread.start();
                load.threads.add(thread);
            }
            return load;
        }

        public void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledged.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(acknowledged.size()).as("orders acknowledged under load").isGreaterThanOrEqualTo(count);
        }

        public void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        public List<String> acknowledged() {
            return List.copyOf(acknowledged);
        }
    }

}
