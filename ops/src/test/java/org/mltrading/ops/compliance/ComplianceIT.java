package org.mltrading.ops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * The compliance officer's view of the event history, as the {@code demo-compliance} client: an
 * order's audit trail from the event store, the order as of its first event, what compliance may not
 * do, the search, the hash chain and the reports. The orders are placed by {@code demo-integrator}
 * against the live simulated market.
 */
class ComplianceIT {

    private static final String TRAIL = """
            query($id: ID!) { auditTrail(aggregateId: $id) { sequence type timestamp actor actorType roles mfa
              correlationId causationId eventId aggregateId aggregateType payload chainSequence } }""";

    private static RunningPlatform platform;
    private static String integrator;
    private static String compliance;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
    }

    @Test
    void compliance_reads_an_orders_audit_trail_with_placement_first_and_its_actor() throws Exception {
        String id = placeFilledMarketOrder("AAPL", "3");

        JsonNode trail = awaitTrail(id, "OrderFilledEvent");

        JsonNode placed = trail.get(0);
        assertThat(placed.get("sequence").asInt()).isZero();
        assertThat(placed.get("type").asText()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.get("actor").asText()).isEqualTo("demo-integrator");
        assertThat(placed.get("actorType").asText()).isEqualTo("CLIENT");
        assertThat(placed.get("roles").asText()).contains("INTEGRATOR");
        assertThat(placed.get("aggregateId").asText()).isEqualTo(id);
        assertThat(placed.get("payload").get("terms").get("symbol").asText()).isEqualTo("AAPL");
        assertThat(placed.get("correlationId").asText()).isNotBlank();
        for (int i = 0; i < trail.size(); i++) {
            assertThat(trail.get(i).get("sequence").asInt()).isEqualTo(i);
        }
        List<String> types = new ArrayList<>();
        trail.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsSubsequence("OrderPlacedEvent", "OrderAcceptedEvent", "OrderFilledEvent");
        // the saga's acceptance carries the placing request's who and correlation id onwards
        JsonNode accepted = trail.get(types.indexOf("OrderAcceptedEvent"));
        assertThat(accepted.get("actor").asText()).isEqualTo("demo-integrator");
        assertThat(accepted.get("correlationId").asText()).isEqualTo(placed.get("correlationId").asText());
        // the venue fills as itself, in answer to the acceptance, within the same request
        JsonNode fill = trail.get(types.indexOf("OrderFilledEvent"));
        assertThat(fill.get("actor").asText()).isEqualTo("system:simulated-venue");
        assertThat(fill.get("actorType").asText()).isEqualTo("SYSTEM");
        assertThat(fill.get("correlationId").asText()).isEqualTo(placed.get("correlationId").asText());
    }

    @Test
    void the_order_as_of_its_first_event_is_not_filled_while_it_is_filled_now() throws Exception {
        String id = placeFilledMarketOrder("MSFT", "2");
        JsonNode trail = awaitTrail(id, "OrderFilledEvent");
        String firstEventTime = trail.get(0).get("timestamp").asText();

        JsonNode then = platform.graphql(compliance, """
                query($id: ID!, $asOf: DateTime) { order(id: $id, asOf: $asOf) { status filledQuantity fills { price } placedBy } }""",
                Map.of("id", id, "asOf", firstEventTime)).data().get("order");
        JsonNode now = platform.graphql(compliance, "query($id: ID!) { order(id: $id) { status filledQuantity } }",
                Map.of("id", id)).data().get("order");

        assertThat(then.get("status").asText()).isEqualTo("PENDING");
        assertThat(new BigDecimal(then.get("filledQuantity").asText())).isZero();
        assertThat(then.get("fills")).isEmpty();
        assertThat(then.get("placedBy").asText()).isEqualTo("demo-integrator");
        assertThat(now.get("status").asText()).isEqualTo("FILLED");
        assertThat(new BigDecimal(now.get("filledQuantity").asText())).isEqualByComparingTo("2");

        String beforeItExisted = Instant.parse(firstEventTime).minusMillis(1).toString();
        JsonNode none = platform.graphql(compliance, "query($id: ID!, $asOf: DateTime) { order(id: $id, asOf: $asOf) { status } }",
                Map.of("id", id, "asOf", beforeItExisted)).data().get("order");
        assertThat(none.isNull()).isTrue();
    }

    @Test
    void the_account_as_of_before_a_fill_holds_the_position_without_it() throws Exception {
        String id = placeFilledMarketOrder("SPY", "5");
        JsonNode trail = awaitTrail(id, "OrderFilledEvent");
        String placedAt = trail.get(0).get("timestamp").asText();

        BigDecimal then = spyPosition(platform.graphql(compliance, """
                query($asOf: DateTime) { account(id: "demo-account", asOf: $asOf) { cash positions { symbol quantity marketValue } } }""",
                Map.of("asOf", placedAt)).data().get("account"));
        BigDecimal now = awaitSpyPositionAtLeast(then.add(new BigDecimal("5")));

        assertThat(now.subtract(then)).isGreaterThanOrEqualTo(new BigDecimal("5"));
    }

    @Test
    void compliance_cannot_place_orders() {
        GraphQlAnswer refused = platform.graphql(compliance,
                "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                Map.of("input", marketOrder("AAPL", "1")));

        assertThat(refused.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void an_integrator_cannot_read_the_audit_trail_or_verify_the_chain() {
        assertThat(platform.graphql(integrator, TRAIL, Map.of("id", "demo-account")).firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
        assertThat(platform.graphql(integrator, "{ verifyAuditChain { valid } }", null).firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void compliance_verifies_the_hash_chain() throws Exception {
        String id = placeFilledMarketOrder("NVDA", "1");
        awaitChained(id);

        JsonNode verification = platform.graphql(compliance,
                "{ verifyAuditChain { valid entries firstBrokenSequence reason checkpoints pendingEvents headHash } }", null)
                .data().get("verifyAuditChain");

        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asInt()).isPositive();
        assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(verification.get("checkpoints").asInt()).isPositive();
        assertThat(verification.get("headHash").asText()).hasSize(64);
    }

    @Test
    void the_search_finds_an_actors_placements_of_an_account_page_by_page() throws Exception {
        String first = placeFilledMarketOrder("AAPL", "1");
        String second = placeFilledMarketOrder("AAPL", "1");
        awaitChained(first);
        awaitChained(second);
        String query = """
                query($after: String) { auditEvents(filter: {accountId: "demo-account", actor: "demo-integrator",
                  types: ["OrderPlacedEvent"]}, first: 1, after: $after) {
                  edges { cursor node { type actor aggregateId chainSequence } } pageInfo { hasNextPage endCursor } } }""";

        List<String> placedOrders = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10_000; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode connection = platform.graphql(compliance, query, variables).data().get("auditEvents");
            assertThat(connection.get("edges").size()).isLessThanOrEqualTo(1);
            connection.get("edges").forEach(edge -> {
                assertThat(edge.get("node").get("type").asText()).isEqualTo("OrderPlacedEvent");
                assertThat(edge.get("node").get("actor").asText()).isEqualTo("demo-integrator");
                placedOrders.add(edge.get("node").get("aggregateId").asText());
            });
            if (!connection.get("pageInfo").get("hasNextPage").asBoolean()) {
                break;
            }
            after = connection.get("pageInfo").get("endCursor").asText();
        }

        assertThat(placedOrders).contains(first, second);
        assertThat(placedOrders.indexOf(first)).isLessThan(placedOrders.indexOf(second));
    }

    @Test
    void reports_for_a_past_range_are_reproducible_byte_for_byte() throws Exception {
        Instant from = Instant.now();
        String id = placeFilledMarketOrder("MSFT", "1");
        awaitChained(id);
        Instant to = Instant.now();
        String query = """
                query($from: DateTime!, $to: DateTime!) {
                  orderAuditReport(from: $from, to: $to, accountId: "demo-account") { fileName rows sha256 content }
                  transactionReport(from: $from, to: $to, accountId: "demo-account") { fileName rows sha256 content } }""";
        Map<String, Object> range = Map.of("from", from.toString(), "to", to.toString());

        JsonNode first = platform.graphql(compliance, query, range).data();
        JsonNode again = platform.graphql(compliance, query, range).data();

        String trail = first.get("orderAuditReport").get("content").asText();
        assertThat(trail).startsWith("event_time,order_id,account_id,sequence,event_type,actor");
        assertThat(trail).contains(id + ",demo-account,0,OrderPlacedEvent,demo-integrator,CLIENT");
        String transactions = first.get("transactionReport").get("content").asText();
        assertThat(transactions).contains("NEWT," + id + "-");
        assertThat(transactions).contains(",MSFT,SYMBOL,demo-integrator,");
        assertThat(first.get("transactionReport").get("rows").asInt()).isPositive();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void compliance_cannot_rebuild_projections_but_can_read_their_checksums() {
        assertThat(platform.graphql(compliance, "mutation { rebuildProjection(name: \"order-projection\") { name } }", null)
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        JsonNode checksum = platform.graphql(compliance,
                "{ projectionChecksum(name: \"order-projection\") { name documents sha256 } }", null)
                .data().get("projectionChecksum");
        assertThat(checksum.get("documents").asInt()).isPositive();
        assertThat(checksum.get("sha256").asText()).hasSize(64);
        assertThat(platform.graphql(compliance, "{ projectionChecksum(name: \"nope\") { name } }", null)
                .firstErrorCode()).isEqualTo("VALIDATION_INVALID_INPUT");
    }

    // ---- helpers ----

    private static String placeFilledMarketOrder(String symbol, String quantity) throws InterruptedException {
        JsonNode placed = platform.graphql(integrator, "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                Map.of("input", marketOrder(symbol, quantity))).data().get("placeOrder");
        String id = placed.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode order = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { status } }", Map.of("id", id))
                    .data().get("order");
            String status = order.get("status").asText();
            if (status.equals("FILLED")) {
                return id;
            }
            assertThat(Set.of("CANCELLED", "REJECTED", "EXPIRED")).doesNotContain(status);
            Thread.sleep(100);
        }
        throw new AssertionError("order " + id + " not filled within 60 s");
    }

    private static JsonNode awaitTrail(String id, String lastType) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode trail = null;
        while (System.nanoTime() < deadline) {
            trail = platform.graphql(compliance, TRAIL, Map.of("id", id)).data().get("auditTrail");
            for (JsonNode event : trail) {
                if (event.get("type").asText().equals(lastType)) {
                    return trail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + lastType + " in the trail of " + id + ": " + trail);
    }

    /** Waits until every event of the order has its place in the hash chain. */
    private static void awaitChained(String id) throws InterruptedException {
        JsonNode trail = awaitTrail(id, "OrderFilledEvent");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean chained = true;
            for (JsonNode event : trail) {
                chained &= !event.get("chainSequence").isNull();
            }
            if (chained) {
                return;
            }
            Thread.sleep(100);
            trail = platform.graphql(compliance, TRAIL, Map.of("id", id)).data().get("auditTrail");
        }
        throw new AssertionError("events of " + id + " not chained within 30 s: " + trail);
    }

    private static BigDecimal spyPosition(JsonNode account) {
        for (JsonNode position : account.get("positions")) {
            if (position.get("symbol").asText().equals("SPY")) {
                return new BigDecimal(position.get("quantity").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal awaitSpyPositionAtLeast(BigDecimal wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BigDecimal now = BigDecimal.ZERO;
        while (System.nanoTime() < deadline) {
            now = spyPosition(platform.graphql(compliance, "{ account(id: \"demo-account\") { positions { symbol quantity } } }",
                    null).data().get("account"));
            if (now.compareTo(wanted) >= 0) {
                return now;
            }
            Thread.sleep(100);
        }
        return now;
    }

    private static Map<String, Object> marketOrder(String symbol, String quantity) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", "demo-account");
        input.put("clientOrderId", "compliance-" + UUID.randomUUID());
        input.put("symbol", symbol);
        input.put("side", "BUY");
        input.put("type", "MARKET");
        input.put("quantity", quantity);
        input.put("timeInForce", "DAY");
        return input;
    }
}
