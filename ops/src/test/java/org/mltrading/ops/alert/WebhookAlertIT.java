package org.mltrading.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * Issue 19's integrator journey against a real HTTP receiver on this machine (the JDK's HttpServer): a
 * webhook and a PRICE_CROSS alert one tick above AAPL's mid; the simulator crosses it; the receiver gets
 * exactly one delivery whose Standard Webhooks signature verifies with the secret answered at registration.
 * A second receiver that answers 500 twice gets the same message (same webhook-id) on the third try.
 */
class WebhookAlertIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningPlatform platform;
    private static String integrator;
    private static Receiver good;
    private static Receiver flaky;

    /** What a receiver got: headers and body of each request. */
    record Received(String id, String timestamp, String signature, String body) {
    }

    /** A local webhook receiver; answers the queued statuses first, then 200. */
    static final class Receiver {
        final HttpServer server;
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body));
                Integer status = statuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }

    @BeforeAll
    static void receivers() throws IOException {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        good = new Receiver();
        flaky = new Receiver();
    }

    @AfterAll
    static void stop() {
        good.server.stop(0);
        flaky.server.stop(0);
    }

    private static JsonNode ok(GraphQlAnswer answer, String field) {
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get(field);
    }

    private static String register(Receiver receiver) {
        JsonNode webhook = ok(platform.graphql(integrator, "mutation($u: String!) { registerWebhook(input: {url: $u}) { id url secret } }",
                Map.of("u", receiver.url())), "registerWebhook");
        assertThat(webhook.get("secret").asText()).startsWith("whsec_");
        return webhook.get("secret").asText();
    }

    @Test
    void a_crossed_price_alert_reaches_the_receiver_once_signed_and_a_failing_receiver_on_the_third_try() throws Exception {
        String secret = register(good);
        String flakySecret = register(flaky);
        flaky.statuses.add(500);
        flaky.statuses.add(500);
        JsonNode listed = ok(platform.graphql(integrator, "{ webhooks { id url secret } }", Map.of()), "webhooks");
        assertThat(listed.findValuesAsText("url")).contains(good.url(), flaky.url());
        listed.forEach(webhook -> assertThat(webhook.get("secret").isNull()).as("a secret is shown once").isTrue());

        JsonNode quote = ok(platform.graphql(integrator, "{ quote(symbol: \"AAPL\") { bid ask } }", Map.of()), "quote");
        BigDecimal mid = new BigDecimal(quote.get("bid").asText()).add(new BigDecimal(quote.get("ask").asText()))
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.CEILING);
        String level = mid.add(new BigDecimal("0.01")).toPlainString();
        JsonNode alert = ok(platform.graphql(integrator, "mutation($l: Decimal!) { createAlert(input: {kind: PRICE_CROSS,"
                + " symbol: \"AAPL\", level: $l, direction: UP}) { id state direction repeat level } }", Map.of("l", level)),
                "createAlert");
        assertThat(alert.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(alert.get("direction").asText()).isEqualTo("UP");
        assertThat(alert.get("repeat").asBoolean()).isFalse();
        String alertId = alert.get("id").asText();

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (ofAlert(good, alertId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ofAlert(good, alertId)).as("AAPL rose through " + level + " within two minutes").isNotEmpty();
        Thread.sleep(3_000); // room for a duplicate, were there one
        List<Received> deliveries = ofAlert(good, alertId);
        assertThat(deliveries).hasSize(1);
        Received delivery = deliveries.get(0);
        assertThat(delivery.signature()).isEqualTo("v1," + hmac(secret, delivery.id() + "." + delivery.timestamp() + "." + delivery.body()));
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(delivery.timestamp()))).isLessThan(60);
        JsonNode payload = JSON.readTree(delivery.body());
        assertThat(payload.get("type").asText()).isEqualTo("alert.triggered");
        assertThat(payload.get("data").get("symbol").asText()).isEqualTo("AAPL");
        assertThat(new BigDecimal(payload.get("data").get("observed").asText())).isGreaterThanOrEqualTo(new BigDecimal(level));

        // the flaky receiver: 500, 500, then 200 — three attempts of one message
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ofAlert(flaky, alertId).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Received> tries = ofAlert(flaky, alertId);
        assertThat(tries).hasSize(3);
        assertThat(tries.stream().map(Received::id).distinct()).as("one webhook-id across retries").hasSize(1);
        for (Received attempt : tries) {
            assertThat(attempt.signature()).isEqualTo("v1," + hmac(flakySecret, attempt.id() + "." + attempt.timestamp() + "." + attempt.body()));
        }
        JsonNode recorded = ok(platform.graphql(integrator, "{ webhookDeliveries(first: 20) { messageId url status"
                + " attempts { httpStatus } } }", Map.of()), "webhookDeliveries");
        JsonNode flakyRecord = null;
        for (JsonNode record : recorded) {
            if (record.get("url").asText().equals(flaky.url()) && record.get("messageId").asText().equals(tries.get(0).id())) {
                flakyRecord = record;
            }
        }
        assertThat(flakyRecord).as("%s", recorded).isNotNull();
        assertThat(flakyRecord.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(flakyRecord.get("attempts").findValuesAsText("httpStatus")).containsExactly("500", "500", "200");

        JsonNode fired = ok(platform.graphql(integrator, "{ alerts { id state episodes lastObserved } }", Map.of()), "alerts");
        JsonNode mine = null;
        for (JsonNode candidate : fired) {
            if (candidate.get("id").asText().equals(alertId)) {
                mine = candidate;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("TRIGGERED");
        assertThat(mine.get("episodes").asInt()).isEqualTo(1);
        JsonNode inbox = ok(platform.graphql(integrator, "{ notifications(first: 10) { unread edges { node { alertId title acknowledged } } } }",
                Map.of()), "notifications");
        assertThat(inbox.findValuesAsText("alertId")).contains(alertId);
    }

    @Test
    void bad_input_and_someone_elses_alert_are_answered_with_codes() {
        assertThat(platform.graphql(integrator, "mutation { createAlert(input: {kind: NEWS_SENTIMENT, symbol: \"AAPL\","
                + " level: \"0.5\"}) { id } }", Map.of()).firstErrorCode()).isEqualTo("ALERT_KIND_NOT_SUPPORTED");
        assertThat(platform.graphql(integrator, "mutation { createAlert(input: {kind: PRICE_CROSS, symbol: \"NOPE\","
                + " level: \"1\"}) { id } }", Map.of()).firstErrorCode()).isEqualTo("ALERT_INVALID_INPUT");
        assertThat(platform.graphql(integrator, "mutation { createAlert(input: {kind: PRICE_CROSS, symbol: \"AAPL\","
                + " level: \"-1\"}) { id } }", Map.of()).firstErrorCode()).isEqualTo("ALERT_INVALID_INPUT");
        String traders = ok(platform.graphql(platform.userToken("trader"), "mutation { createAlert(input: {kind: PRICE_CROSS,"
                + " symbol: \"MSFT\", level: \"1\", direction: DOWN}) { id } }", Map.of()), "createAlert").get("id").asText();
        assertThat(platform.graphql(integrator, "mutation($id: ID!) { pauseAlert(id: $id) { id } }", Map.of("id", traders))
                .firstErrorCode()).isEqualTo("ALERT_NOT_FOUND");
        assertThat(platform.graphql(integrator, "mutation { registerWebhook(input: {url: \"ftp://example.org/x\"}) { id } }",
                Map.of()).firstErrorCode()).isEqualTo("WEBHOOK_INVALID_URL");
        assertThat(platform.graphql(platform.userToken("trader"), "mutation { registerWebhook(input: {url: \"http://example.org/x\"}) { id } }",
                Map.of()).firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        JsonNode paused = ok(platform.graphql(platform.userToken("trader"), "mutation($id: ID!) { pauseAlert(id: $id) { state } }",
                Map.of("id", traders)), "pauseAlert");
        assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
        JsonNode deleted = ok(platform.graphql(platform.userToken("trader"), "mutation($id: ID!) { deleteAlert(id: $id) { state } }",
                Map.of("id", traders)), "deleteAlert");
        assertThat(deleted.get("state").asText()).isEqualTo("DELETED");
    }

    private static List<Received> ofAlert(Receiver receiver, String alertId) {
        synchronized (receiver.received) {
            return receiver.received.stream().filter(r -> r.body().contains(alertId)).toList();
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
