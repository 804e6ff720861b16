package org.mltrading.ops.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence: one stored event row of the H2 event store is edited behind the platform's back
 * (plain JDBC UPDATE of domain_event_entry) and verifyAuditChain must name exactly that event's chain
 * entry; with the original bytes put back the chain verifies again.
 */
class AuditChainTamperIT {

    private static final String TRAIL = "query($id: ID!) { auditTrail(aggregateId: $id) { type eventId chainSequence } }";
    private static final String VERIFY = "{ verifyAuditChain { valid entries firstBrokenSequence firstBrokenEventId reason } }";

    private static RunningPlatform platform;
    private static String compliance;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
    }

    @Test
    void editing_one_stored_event_breaks_the_chain_at_that_entry() throws Exception {
        String orderId = placeFilledOrder();
        JsonNode fill = awaitChainedEvent(orderId, "OrderFilledEvent");
        String eventId = fill.get("eventId").asText();
        int chainSequence = fill.get("chainSequence").asInt();
        JdbcTemplate jdbc = new JdbcTemplate(platform.allInOne().platformContext().getBean(DataSource.class));
        byte[] original = jdbc.queryForObject("select payload from domain_event_entry where event_identifier = ?",
                byte[].class, eventId);
        String text = new String(original, StandardCharsets.UTF_8);
        String forged = text.replace("\"symbol\":\"ETH-USD\"", "\"symbol\":\"BTC-USD\"");
        assertThat(forged).as("the stored payload names the symbol: " + text).isNotEqualTo(text);

        int updated = jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?",
                forged.getBytes(StandardCharsets.UTF_8), eventId);
        try {
            assertThat(updated).isEqualTo(1);
            JsonNode broken = platform.graphql(compliance, VERIFY, null).data().get("verifyAuditChain");

            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSequence").asInt()).isEqualTo(chainSequence);
            assertThat(broken.get("firstBrokenEventId").asText()).isEqualTo(eventId);
            assertThat(broken.get("reason").asText()).contains("altered");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?", original, eventId);
        }
        JsonNode restored = platform.graphql(compliance, VERIFY, null).data().get("verifyAuditChain");
        assertThat(restored.get("valid").asBoolean()).as(restored.toString()).isTrue();
    }

    private static String placeFilledOrder() throws InterruptedException {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", "demo-account");
        input.put("clientOrderId", "tamper-" + UUID.randomUUID());
        input.put("symbol", "ETH-USD");
        input.put("side", "BUY");
        input.put("type", "MARKET");
        input.put("quantity", "0.01");
        String integrator = platform.integratorToken();
        String id = platform.graphql(integrator, "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                Map.of("input", input)).data().get("placeOrder").get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { status } }", Map.of("id", id))
                    .data().get("order").get("status").asText();
            if (status.equals("FILLED")) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + id + " not filled within 60 s");
    }

    private static JsonNode awaitChainedEvent(String orderId, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : platform.graphql(compliance, TRAIL, Map.of("id", orderId)).data().get("auditTrail")) {
                if (event.get("type").asText().equals(type) && !event.get("chainSequence").isNull()) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no chained " + type + " for order " + orderId + " within 30 s");
    }
}
