package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * previewOrder through GraphQL as an integrator: every pre-trade check with its outcome, the input
 * and entitlement checks of placeOrder, and nothing stored (no order, no account event).
 */
class PreviewOrderIT {

    private static final String PREVIEW = """
            mutation($input: PlaceOrderInput!) { previewOrder(input: $input) {
              accepted notional referencePrice resultingPosition resultingGrossExposure
              checks { name code passed detail } } }""";
    /** Issue 18 added the firm-wide three: the firm's halt first, the collar and the instrument maximum after the price. */
    private static final List<String> CHECKS = List.of("firmTradingIsNotHalted", "tradingIsNotHalted",
            "reduceOnlyOrdersShrinkThePosition", "symbolIsNotRestricted", "marketPriceIsKnown", "limitPriceWithinCollar",
            "orderQuantityWithinLimit", "orderNotionalWithinLimit", "positionWithinLimit", "grossExposureWithinLimit",
            "dailyLossNotReached", "orderRateWithinLimit");

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    @Test
    void a_huge_order_reports_the_notional_breach_among_every_check_and_stores_nothing() {
        EventStore events = platform.allInOne().platformContext().getBean(EventStore.class);
        Optional<Long> accountSequenceBefore = events.lastSequenceNumberFor("demo-account");
        String clientOrderId = "preview-" + UUID.randomUUID();

        JsonNode preview = preview(order(clientOrderId, "SPY", "BUY", "LIMIT", "5000", "500.00"));

        assertThat(preview.get("accepted").asBoolean()).isFalse();
        assertThat(new BigDecimal(preview.get("notional").asText())).isEqualByComparingTo("2500000");
        assertThat(new BigDecimal(preview.get("referencePrice").asText())).isEqualByComparingTo("500");
        assertThat(preview.get("resultingPosition").asText()).isNotBlank();
        assertThat(new BigDecimal(preview.get("resultingGrossExposure").asText()))
                .isGreaterThanOrEqualTo(new BigDecimal("2500000"));
        List<String> names = new ArrayList<>();
        preview.get("checks").forEach(check -> names.add(check.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(CHECKS);
        JsonNode notional = check(preview, "orderNotionalWithinLimit");
        assertThat(notional.get("passed").asBoolean()).isFalse();
        assertThat(notional.get("code").asText()).isEqualTo("RISK_MAX_ORDER_NOTIONAL");
        assertThat(notional.get("detail").asText()).contains("2500000", "1000000");
        assertThat(check(preview, "marketPriceIsKnown").get("passed").asBoolean()).isTrue();
        assertThat(check(preview, "symbolIsNotRestricted").get("passed").asBoolean()).isTrue();

        String orderId = OrderId.forClientOrder(new AccountId("demo-account"), clientOrderId).toString();
        assertThat(events.readEvents(orderId).asStream()).as("events of the previewed order").isEmpty();
        assertThat(events.lastSequenceNumberFor("demo-account")).as("account stream after a preview")
                .isEqualTo(accountSequenceBefore);
        assertThat(platform.graphql(integrator, "query($id: ID!) { order(id: $id) { id } }", Map.of("id", orderId))
                .data().get("order").isNull()).isTrue();
    }

    @Test
    void a_small_market_order_is_valued_at_the_touch_and_passes() throws InterruptedException {
        JsonNode preview = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            preview = preview(order("preview-" + UUID.randomUUID(), "NVDA", "BUY", "MARKET", "1", null));
            if (!preview.get("referencePrice").isNull()) {
                break;
            }
            Thread.sleep(200); // no quote yet: the simulator has not ticked NVDA
        }

        BigDecimal referencePrice = new BigDecimal(preview.get("referencePrice").asText());
        assertThat(referencePrice).isPositive();
        assertThat(new BigDecimal(preview.get("notional").asText())).isEqualByComparingTo(referencePrice);
        assertThat(check(preview, "orderNotionalWithinLimit").get("passed").asBoolean()).isTrue();
        assertThat(check(preview, "positionWithinLimit").get("passed").asBoolean()).isTrue();
    }

    @Test
    void a_preview_applies_the_input_and_instrument_checks_of_place_order() {
        assertThat(platform.graphql(integrator, PREVIEW, Map.of("input",
                order("preview-" + UUID.randomUUID(), "NOPE", "BUY", "MARKET", "1", null))).firstErrorCode())
                .isEqualTo("ORDER_UNKNOWN_SYMBOL");
        assertThat(platform.graphql(integrator, PREVIEW, Map.of("input",
                order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "MARKET", "0", null))).firstErrorCode())
                .isEqualTo("ORDER_INVALID_QUANTITY");
        assertThat(platform.graphql(integrator, PREVIEW, Map.of("input",
                order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", "1", null))).firstErrorCode())
                .isEqualTo("ORDER_LIMIT_PRICE_REQUIRED");
        assertThat(platform.graphql(integrator, PREVIEW, Map.of("input",
                order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", "1", "1.001"))).firstErrorCode())
                .isEqualTo("ORDER_INVALID_PRICE");
    }

    @Test
    void an_integrator_may_not_preview_on_an_account_it_is_not_entitled_to() {
        Map<String, Object> input = order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", "1", "1.00");
        input.put("accountId", "demo-account-2");

        assertThat(platform.graphql(integrator, PREVIEW, Map.of("input", input)).firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
    }

    /**
     * Issue 14, finding 1: "1e400000" tied a request thread up for 130 s and "1e308" answered a 309-digit
     * notional. The Decimal scalar refuses both before any arithmetic; the client gives up after 10 s.
     */
    @Test
    void an_absurd_decimal_is_refused_quickly_with_a_coded_validation_error() {
        for (String quantity : List.of("1e400000", "1e100000", "1e308", "1e-400000", "1" + "0".repeat(100_000))) {
            long start = System.nanoTime();
            var answer = timed(order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", quantity, "1.00"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(quantity.length() > 20 ? "100,001 digits" : quantity)
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(answer.firstErrorCode()).as(answer.body().toString()).isEqualTo("VALIDATION_DECIMAL_OUT_OF_RANGE");
            assertThat(answer.data() == null || answer.data().path("previewOrder").isNull()).isTrue();
        }
        // the same bound for a literal in the document and for a JSON number variable
        var literal = timed("""
                mutation { previewOrder(input: {accountId: "demo-account", clientOrderId: "literal-1", symbol: "AAPL",
                  side: BUY, type: LIMIT, quantity: 1e400000, limitPrice: "1.00", timeInForce: DAY}) { notional } }""", Map.of());
        assertThat(literal.firstErrorCode()).as(literal.body().toString()).isEqualTo("VALIDATION_DECIMAL_OUT_OF_RANGE");
        // a million-digit literal (a 1 MB body) used to cost ~15 s in graphql-java's parser alone
        long start = System.nanoTime();
        var million = timed("""
                mutation { previewOrder(input: {accountId: "demo-account", clientOrderId: "literal-2", symbol: "AAPL",
                  side: BUY, type: LIMIT, quantity: 1%s, limitPrice: "1.00", timeInForce: DAY}) { notional } }"""
                .formatted("0".repeat(1_000_000)), Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(million.firstErrorCode()).as(million.status() + "").isEqualTo("VALIDATION_DECIMAL_OUT_OF_RANGE");
        Map<String, Object> number = order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", "1", "1.00");
        number.put("limitPrice", 1e308);
        assertThat(timed(number).firstErrorCode()).isEqualTo("VALIDATION_DECIMAL_OUT_OF_RANGE");

        JsonNode ordinary = preview(order("preview-" + UUID.randomUUID(), "AAPL", "BUY", "LIMIT", "1E+1", "1.00"));
        assertThat(new BigDecimal(ordinary.get("notional").asText())).as("1E+1 is still ten").isEqualByComparingTo("10");
    }

    /** A preview whose HTTP request gives up after 10 s (the unbounded server took minutes). */
    private static RunningPlatform.GraphQlAnswer timed(Map<String, Object> input) {
        return timed(PREVIEW, Map.of("input", input));
    }

    private static RunningPlatform.GraphQlAnswer timed(String query, Map<String, Object> variables) {
        try {
            String body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(Map.of("query", query, "variables", variables));
            var response = platform.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(platform.platformUrl() + "/graphql"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + integrator)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            return new RunningPlatform.GraphQlAnswer(response.statusCode(),
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode preview(Map<String, Object> input) {
        var answer = platform.graphql(integrator, PREVIEW, Map.of("input", input));
        assertThat(answer.errors()).as("errors of %s", answer.body()).isNull();
        return answer.data().get("previewOrder");
    }

    private static JsonNode check(JsonNode preview, String name) {
        for (JsonNode check : preview.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + preview);
    }

    private static Map<String, Object> order(String clientOrderId, String symbol, String side, String type,
                                             String quantity, String limit) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", "demo-account");
        input.put("clientOrderId", clientOrderId);
        input.put("symbol", symbol);
        input.put("side", side);
        input.put("type", type);
        input.put("quantity", quantity);
        if (limit != null) {
            input.put("limitPrice", limit);
        }
        input.put("timeInForce", "DAY");
        return input;
    }
}
