package org.mltrading.ops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.projection.ProjectionReplay;

/**
 * Replay: the order and account projections are rebuilt from the event history (tracking processor
 * stopped, token reset, started) and the rebuilt read models have the checksum the live ones had.
 * The rebuild is started through the bean the ADMIN mutation calls: no client-credentials identity
 * holds ADMIN, and compliance is refused the mutation (ComplianceIT).
 */
class ProjectionRebuildIT {

    private static RunningPlatform platform;
    private static String compliance;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
    }

    @Test
    void rebuilt_order_and_account_read_models_equal_the_live_ones() throws Exception {
        String orderId = placeFilledOrder();
        ProjectionReplay replay = platform.allInOne().platformContext().getBean(ProjectionReplay.class);

        for (String projection : new String[] {"order-projection", "account-projection"}) {
            JsonNode live = checksum(projection);

            ProjectionReplay.Status started = replay.rebuild(projection);
            assertThat(started.running()).isTrue();
            assertThat(replay.awaitRebuilt(projection, Duration.ofSeconds(120))).isTrue();
            JsonNode rebuilt = checksum(projection);

            assertThat(rebuilt.get("documents").asInt()).isEqualTo(live.get("documents").asInt());
            assertThat(rebuilt.get("sha256").asText()).as(projection).isEqualTo(live.get("sha256").asText());
            ProjectionReplay.Status done = replay.status(projection);
            assertThat(done.progress()).isEqualTo(1.0);
            assertThat(done.eventsPerSecond()).isPositive();
        }
        JsonNode order = platform.graphql(compliance, "query($id: ID!) { order(id: $id) { status } }",
                Map.of("id", orderId)).data().get("order");
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
    }

    private static JsonNode checksum(String projection) {
        return platform.graphql(compliance, "query($name: String!) { projectionChecksum(name: $name) { documents sha256 } }",
                Map.of("name", projection)).data().get("projectionChecksum");
    }

    private static String placeFilledOrder() throws InterruptedException {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", "demo-account");
        input.put("clientOrderId", "rebuild-" + UUID.randomUUID());
        input.put("symbol", "AAPL");
        input.put("side", "BUY");
        input.put("type", "MARKET");
        input.put("quantity", "1");
        String integrator = platform.integratorToken();
        String id = platform.graphql(integrator, "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                Map.of("input", input)).data().get("placeOrder").get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { status } }", Map.of("id", id))
                    .data().get("order").get("status").asText();
            if (status.equals("FILLED")) {
                // the account books the fill a moment later: wait until its read model shows it
                Thread.sleep(500);
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + id + " not filled within 60 s");
    }
}
