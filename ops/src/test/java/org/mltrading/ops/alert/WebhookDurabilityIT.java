package org.mltrading.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.PlatformProcess;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * A webhook delivery accepted for sending survives kill -9: the receiver refuses it (500) until the
 * platform is killed, answers 200 after the restart, and gets it then — with the same webhook-id, and
 * exactly one successful delivery.
 */
class WebhookDurabilityIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    @TempDir
    Path dataDir;

    @Test
    void a_pending_delivery_is_sent_once_after_a_kill_9_and_a_restart() throws Exception {
        var settings = RunningPlatform.settingsFor(dataDir);
        RunningPlatform client = RunningPlatform.clientOnly(settings);
        Path log = Path.of("target", "webhook-durability-it", "platform.log");
        Files.deleteIfExists(log);
        WebhookAlertIT.Receiver receiver = new WebhookAlertIT.Receiver();
        try {
            for (int i = 0; i < 1_000; i++) {
                receiver.statuses.add(500); // refuse everything until the kill
            }
            String alertId;
            try (PlatformProcess first = PlatformProcess.start(settings, log)) {
                first.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
                String integrator = client.integratorToken();
                client.graphql(integrator, "mutation($u: String!) { registerWebhook(input: {url: $u}) { id } }",
                        Map.of("u", receiver.url()));
                JsonNode quote = client.graphql(integrator, "{ quote(symbol: \"AAPL\") { bid ask } }", Map.of()).data().get("quote");
                BigDecimal mid = new BigDecimal(quote.get("bid").asText()).add(new BigDecimal(quote.get("ask").asText()))
                        .divide(BigDecimal.valueOf(2), 2, RoundingMode.CEILING);
                alertId = client.graphql(integrator, "mutation($l: Decimal!) { createAlert(input: {kind: PRICE_CROSS,"
                        + " symbol: \"AAPL\", level: $l, direction: EITHER}) { id } }",
                        Map.of("l", mid.add(new BigDecimal("0.01")).toPlainString())).data().get("createAlert").get("id").asText();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (received(receiver, alertId).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(received(receiver, alertId)).as("a first (refused) attempt before the kill").isNotEmpty();
                first.kill();
            }
            receiver.statuses.clear(); // from now on: 200
            int refused = received(receiver, alertId).size();
            try (PlatformProcess second = PlatformProcess.start(settings, log)) {
                second.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (received(receiver, alertId).size() == refused && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(3_000); // room for a duplicate, were there one
                List<WebhookAlertIT.Received> all = received(receiver, alertId);
                assertThat(all.size()).as("delivered after the restart").isEqualTo(refused + 1);
                assertThat(all.stream().map(WebhookAlertIT.Received::id).distinct()).as("one webhook-id throughout").hasSize(1);
                JsonNode deliveries = client.graphql(client.integratorToken(), "{ webhookDeliveries { status attempts { httpStatus } } }",
                        Map.of()).data().get("webhookDeliveries");
                assertThat(deliveries.get(0).get("status").asText()).isEqualTo("DELIVERED");
                assertThat(deliveries.get(0).get("attempts").findValuesAsText("httpStatus")).endsWith("200")
                        .filteredOn("200"::equals).hasSize(1);
            }
        } finally {
            receiver.server.stop(0);
        }
    }

    private static List<WebhookAlertIT.Received> received(WebhookAlertIT.Receiver receiver, String alertId) {
        synchronized (receiver.received) {
            return receiver.received.stream().filter(r -> r.body().contains(alertId)).toList();
        }
    }
}
