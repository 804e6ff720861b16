package org.mltrading.ops.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/** The demo account's tearsheet as an integrator reads it, after a real fill, and its CSV and PDF files. */
class TearsheetIT {

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void a_fill_in_the_demo_account() throws Exception {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        JsonNode placed = ok(platform.graphql(integrator, """
                mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { id status } }""",
                Map.of("in", Map.of("accountId", "demo-account", "clientOrderId", "tearsheet-" + UUID.randomUUID(),
                        "symbol", "NVDA", "side", "BUY", "type", "MARKET", "quantity", "4", "timeInForce", "DAY"))), "placeOrder");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = placed.get("status").asText();
        while (!status.equals("FILLED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = ok(platform.graphql(integrator, "query($id: ID!) { order(id: $id) { status } }",
                    Map.of("id", placed.get("id").asText())), "order").get("status").asText();
        }
        assertThat(status).isEqualTo("FILLED");
        Thread.sleep(1_500); // the fill's minute bar
    }

    private static JsonNode ok(GraphQlAnswer answer, String field) {
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get(field);
    }

    @Test
    void the_tearsheet_answers_figures_a_curve_and_an_attribution_that_adds_up() {
        JsonNode sheet = ok(platform.graphql(integrator, """
                { tearsheet(accountId: "demo-account") { accountId currency from to interval periodsPerYear startEquity endEquity
                  totalReturn annualisedReturn volatility sharpeRatio sortinoRatio maxDrawdown turnover fills
                  equityCurve { time equity } attribution { symbol pnl fees share } } }""", Map.of()), "tearsheet");
        assertThat(sheet.get("currency").asText()).isEqualTo("USD");
        assertThat(sheet.get("interval").asText()).isEqualTo("ONE_MINUTE");
        assertThat(sheet.get("equityCurve").size()).as("from the opening (moments ago on a fresh platform) to now").isGreaterThanOrEqualTo(2);
        assertThat(sheet.get("fills").asInt()).isPositive();
        assertThat(sheet.get("turnover").asDouble()).isPositive();
        assertThat(sheet.get("maxDrawdown").asDouble()).isBetween(0.0, 1.0);
        double start = sheet.get("startEquity").asDouble();
        double end = sheet.get("endEquity").asDouble();
        assertThat(sheet.get("totalReturn").asDouble()).isCloseTo(end / start - 1, within(1e-6));
        double attributed = 0;
        boolean nvidia = false;
        for (JsonNode line : sheet.get("attribution")) {
            attributed += line.get("pnl").asDouble();
            nvidia |= line.get("symbol").asText().equals("NVDA");
        }
        assertThat(nvidia).isTrue();
        assertThat(attributed).isCloseTo(end - start, within(0.05));
        // the curve ends near the account's equity now (bar close vs the mid of the latest quote)
        double equityNow = new BigDecimal(ok(platform.graphql(integrator, "{ account(id: \"demo-account\") { equity } }",
                Map.of()), "account").get("equity").asText()).doubleValue();
        assertThat(end).isCloseTo(equityNow, within(equityNow * 0.01));
    }

    @Test
    void the_csv_and_pdf_files_are_what_their_checksums_say() throws Exception {
        String query = "query($f: TearsheetFormat!) { tearsheetDocument(accountId: \"demo-account\", format: $f) {"
                + " fileName contentType rows sha256 content encoding } }";
        JsonNode csv = ok(platform.graphql(integrator, query, Map.of("f", "CSV")), "tearsheetDocument");
        assertThat(csv.get("contentType").asText()).isEqualTo("text/csv");
        String text = csv.get("content").asText();
        assertThat(text).contains("# Sharpe ratio").contains("time,equity,cash,return,drawdown");
        assertThat(csv.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        JsonNode pdf = ok(platform.graphql(integrator, query, Map.of("f", "PDF")), "tearsheetDocument");
        assertThat(pdf.get("encoding").asText()).isEqualTo("base64");
        assertThat(pdf.get("fileName").asText()).endsWith(".pdf");
        byte[] bytes = Base64.getDecoder().decode(pdf.get("content").asText());
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void an_account_the_caller_cannot_view_and_an_empty_window_are_refused() {
        assertThat(platform.graphql(integrator, "{ tearsheet(accountId: \"nobody-account\") { fills } }", Map.of())
                .firstErrorCode()).isEqualTo("NOT_FOUND");
        assertThat(platform.graphql(integrator, "{ tearsheet(accountId: \"demo-account\", from: \"2030-01-02T00:00:00Z\","
                + " to: \"2030-01-01T00:00:00Z\") { fills } }", Map.of()).firstErrorCode()).isEqualTo("PORTFOLIO_INVALID_INPUT");
    }
}
