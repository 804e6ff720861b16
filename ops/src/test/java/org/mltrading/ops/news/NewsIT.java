package org.mltrading.ops.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.history.HistoryInput;
import org.mltrading.ops.history.ImportHistory;
import org.mltrading.ops.testing.AppleDailyHistory;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * News and sentiment through the public API of the shared (local-profile) platform, as an integrator and
 * an admin would use it: scoring text, the event study of Apple's 2013 results against the real daily
 * bars, importing JSON lines with a bad line, reading pages and the live subscription.
 */
class NewsIT {

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    @Test
    void score_sentiment_reads_a_loss_as_negative_and_a_record_profit_as_positive() {
        String query = "query($t: String!) { scoreSentiment(text: $t) { score label positive negative neutral } }";
        JsonNode loss = platform.graphql(integrator, query,
                Map.of("t", "Shares plunged after the company reported heavy losses")).data().get("scoreSentiment");
        JsonNode profit = platform.graphql(integrator, query,
                Map.of("t", "Record profit lifts the stock to an all-time high")).data().get("scoreSentiment");

        assertThat(loss.get("score").asDouble()).isLessThanOrEqualTo(-0.05);
        assertThat(loss.get("label").asText()).isEqualTo("NEGATIVE");
        assertThat(profit.get("score").asDouble()).isGreaterThanOrEqualTo(0.05);
        assertThat(profit.get("label").asText()).isEqualTo("POSITIVE");
        assertThat(profit.get("positive").asDouble() + profit.get("negative").asDouble() + profit.get("neutral").asDouble())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void news_impact_of_apples_results_of_2013_01_23_shows_the_real_minus_12_36_percent(@TempDir Path dir) throws Exception {
        AppleDailyHistory.importInto(platform, integrator, dir);

        JsonNode impacts = platform.graphql(integrator, """
                { newsImpact(symbol: "AAPL", from: "2013-01-23T00:00:00Z", to: "2013-01-24T00:00:00Z") {
                    newsId headline publishedAt interval window windowStart windowEnd rawReturn abnormalReturn
                    expectedReturnModel tStatistic abnormalVolume estimationBars } }""", null).data().get("newsImpact");

        JsonNode first = only(impacts, "[0,+1]");
        assertThat(first.get("headline").asText()).isEqualTo("Apple Reports First Quarter Results");
        assertThat(first.get("interval").asText()).isEqualTo("ONE_DAY");
        // 514.01 at the close of 2013-01-23 (16:00 New York = 21:00 UTC), 450.50 at the close of 01-24
        assertThat(first.get("windowStart").asText()).isEqualTo("2013-01-23T21:00:00Z");
        assertThat(first.get("windowEnd").asText()).isEqualTo("2013-01-24T21:00:00Z");
        assertThat(first.get("rawReturn").asDouble()).isCloseTo(450.50 / 514.01 - 1, within(1e-9));
        assertThat(first.get("rawReturn").asDouble()).isCloseTo(-0.1236, within(0.00005));
        assertThat(first.get("expectedReturnModel").asText()).isEqualTo("MEAN_ADJUSTED"); // no SPY bars of 2013
        assertThat(first.get("abnormalReturn").asDouble()).isLessThan(-0.10);
        assertThat(first.get("tStatistic").asDouble()).isLessThan(-2);
        assertThat(first.get("abnormalVolume").asDouble()).isGreaterThan(0.5); // the day after results traded heavily
        assertThat(first.get("estimationBars").asInt()).isBetween(10, 60);
        assertThat(only(impacts, "[-1,+5]").get("rawReturn").asDouble()).isNotZero();

        // Apple's five dated events of 2013 aggregated: one source, one kind, per window
        JsonNode groups = platform.graphql(integrator, """
                { newsImpactSummary(symbol: "AAPL", from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z") {
                    grouping key window events meanRawReturn meanAbnormalReturn tStatistic positiveShare } }""", null)
                .data().get("newsImpactSummary");
        JsonNode calendar = null;
        for (JsonNode group : groups) {
            if (group.get("grouping").asText().equals("SOURCE") && group.get("window").asText().equals("[0,+1]")) {
                calendar = group;
            }
        }
        assertThat(calendar).as("%s", groups).isNotNull();
        assertThat(calendar.get("key").asText()).isEqualTo("event-calendar");
        assertThat(calendar.get("events").asInt()).isEqualTo(5);
        assertThat(calendar.get("positiveShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(groups.findValuesAsText("grouping")).contains("SOURCE", "KIND", "SENTIMENT");
    }

    @Test
    void news_impact_of_the_us_cpi_release_takes_the_five_minute_ether_bar_closing_at_12_30_as_bar_zero(@TempDir Path dir)
            throws Exception {
        // the ta4j JSON as ops/import-history reads it, imported with the importer's own options
        Path csv = dir.resolve("eth-usd-5m.csv");
        try (var in = HistoryInput.ta4jJsonBars("ETH-USD-PT5M-2023-3-13_2023-3-15.json", "ta4j-examples",
                Duration.ofMinutes(5)).opener().open()) {
            Files.copy(in, csv);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ImportHistory(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .run(new String[] {"--kind", "bars", "--symbol", "ETH-USD", "--interval", "FIVE_MINUTES", csv.toString()},
                        platform.settings());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, Double> closes = new java.util.HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, 581)) {
            String[] f = line.split(",");
            closes.put(f[0], Double.parseDouble(f[4]));
        }

        JsonNode impacts = awaitImpacts("""
                { newsImpact(symbol: "ETH-USD", from: "2023-03-14T12:00:00Z", to: "2023-03-14T13:00:00Z") {
                    headline interval window windowStart windowEnd rawReturn abnormalReturn expectedReturnModel estimationBars } }""");
        JsonNode first = only(impacts, "[0,+1]");
        assertThat(first.get("headline").asText()).startsWith("Consumer Price Index");
        assertThat(first.get("interval").asText()).isEqualTo("FIVE_MINUTES");
        assertThat(first.get("windowStart").asText()).isEqualTo("2023-03-14T12:30:00Z");
        assertThat(first.get("windowEnd").asText()).isEqualTo("2023-03-14T12:35:00Z");
        // bar 0 starts 12:25 and closes 12:30; bar +1 starts 12:30
        assertThat(first.get("rawReturn").asDouble())
                .isCloseTo(closes.get("2023-03-14T12:30:00Z") / closes.get("2023-03-14T12:25:00Z") - 1, within(1e-9));
        assertThat(first.get("estimationBars").asInt()).isEqualTo(60);
        assertThat(first.get("expectedReturnModel").asText()).isEqualTo("MEAN_ADJUSTED");
        assertThat(only(impacts, "[-1,+5]").get("windowStart").asText()).isEqualTo("2023-03-14T12:25:00Z");
    }

    /** newsImpact once QuestDB shows the imported bars (it applies its WAL asynchronously). */
    private static JsonNode awaitImpacts(String query) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode impacts = platform.graphql(integrator, query, null).data().get("newsImpact");
        while (impacts.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            impacts = platform.graphql(integrator, query, null).data().get("newsImpact");
        }
        return impacts;
    }

    @Test
    void an_admin_imports_json_lines_the_bad_line_is_named_and_a_repeat_is_a_duplicate() throws InterruptedException {
        String admin = platform.userToken("admin");
        String lines = String.join("\n",
                "{\"id\":\"it-1\",\"headline\":\"Microsoft beats estimates as cloud revenue surges\",\"publishedAt\":\"2026-01-05T14:00:00Z\"}",
                "{\"id\":\"it-2\",\"headline\":\"missing time\"}",
                "{\"id\":\"it-3\",\"kind\":\"SOCIAL\",\"headline\":\"$MSFT and $NVDA both terrible today\",\"publishedAt\":\"2026-01-05T15:00:00Z\"}");
        String mutation = "mutation($in: ImportNewsInput!) { importNews(input: $in) { loaded duplicates skipped { line reason } } }";
        Map<String, Object> input = Map.of("in", Map.of("source", "newsit", "jsonLines", lines, "firstLine", 41));

        JsonNode first = platform.graphql(admin, mutation, input).data().get("importNews");
        assertThat(first.get("loaded").asInt()).isEqualTo(2);
        assertThat(first.get("skipped").get(0).get("line").asInt()).isEqualTo(42);
        assertThat(first.get("skipped").get(0).get("reason").asText()).isEqualTo("publishedAt is missing");
        JsonNode again = platform.graphql(admin, mutation, input).data().get("importNews");
        assertThat(again.get("loaded").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);

        // the integrator may read news but not import it
        assertThat(platform.graphql(integrator, mutation, input).firstErrorCode()).isEqualTo("PERMISSION_DENIED");

        JsonNode page = platform.graphql(integrator, """
                { news(symbol: "MSFT", from: "2026-01-05T00:00:00Z", to: "2026-01-06T00:00:00Z", first: 1) {
                    edges { cursor node { id kind headline symbols sentiment { score label } mentions { symbol score } } }
                    pageInfo { hasNextPage endCursor } } }""", null).data().get("news");
        JsonNode newest = page.get("edges").get(0).get("node");
        assertThat(newest.get("id").asText()).isEqualTo("newsit/it-3");
        assertThat(newest.get("kind").asText()).isEqualTo("SOCIAL");
        assertThat(List.of(newest.get("symbols").get(0).asText(), newest.get("symbols").get(1).asText()))
                .containsExactlyInAnyOrder("MSFT", "NVDA");
        assertThat(newest.get("sentiment").get("label").asText()).isEqualTo("NEGATIVE");
        assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();

        JsonNode next = platform.graphql(integrator, """
                query($after: String) { news(symbol: "MSFT", from: "2026-01-05T00:00:00Z", to: "2026-01-06T00:00:00Z", first: 5, after: $after) {
                    edges { node { id headline sentiment { label } } } pageInfo { hasNextPage } } }""",
                Map.of("after", page.get("pageInfo").get("endCursor").asText())).data().get("news");
        assertThat(next.get("edges")).hasSize(1);
        assertThat(next.get("edges").get(0).get("node").get("id").asText()).isEqualTo("newsit/it-1");
        assertThat(next.get("edges").get(0).get("node").get("sentiment").get("label").asText()).isEqualTo("POSITIVE");
        assertThat(next.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();

        // the sentiment series of MSFT on the hour grid: point in time, surprise against the bars before
        String series = """
                { sentiment(symbol: "MSFT", interval: ONE_HOUR, from: "2026-01-05T13:00:00Z", to: "2026-01-05T17:00:00Z") {
                    time count mean surprise } }""";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode bars = platform.graphql(integrator, series, null).data().get("sentiment");
        while (bars.get(2).get("count").asInt() == 0 && System.nanoTime() < deadline) { // QuestDB applies its WAL asynchronously
            Thread.sleep(250);
            bars = platform.graphql(integrator, series, null).data().get("sentiment");
        }
        assertThat(bars).hasSize(4);
        assertThat(bars.get(0).get("count").asInt()).isZero();
        assertThat(bars.get(1).get("time").asText()).isEqualTo("2026-01-05T14:00:00Z");
        assertThat(bars.get(1).get("count").asInt()).isEqualTo(1);
        assertThat(bars.get(1).get("mean").asDouble()).isPositive();
        assertThat(bars.get(1).get("surprise").asDouble()).isZero();
        assertThat(bars.get(2).get("count").asInt()).isEqualTo(1);
        assertThat(bars.get(2).get("mean").asDouble()).isNegative();
        assertThat(bars.get(2).get("surprise").asDouble())
                .isCloseTo(bars.get(2).get("mean").asDouble() - bars.get(1).get("mean").asDouble(), within(1e-9));
    }

    @Test
    void bad_arguments_are_answered_with_codes() {
        assertThat(platform.graphql(integrator, "{ newsImpact(symbol: \"NOPE\") { window } }", null).firstErrorCode())
                .isEqualTo("NEWS_UNKNOWN_SYMBOL");
        assertThat(platform.graphql(integrator, "{ news(after: \"garbage\") { edges { cursor } } }", null).firstErrorCode())
                .isEqualTo("NEWS_INVALID_CURSOR");
        assertThat(platform.graphql(integrator, "{ news(first: 0) { edges { cursor } } }", null).firstErrorCode())
                .isEqualTo("VALIDATION_INVALID_INPUT");
    }

    @Test
    void a_subscriber_receives_a_new_item_concerning_its_symbols_scored() throws Exception {
        String admin = platform.userToken("admin");
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + integrator));
                    }
                }).build();
        try {
            String id = "live-" + System.nanoTime();
            CompletableFuture<Map> received = client.document("""
                            subscription { news(symbols: ["SPY"]) { id headline symbols receivedAt sentiment { score label } } }""")
                    .retrieveSubscription("news").toEntity(Map.class)
                    .filter(item -> ("newsit/" + id).equals(item.get("id")))
                    .next().toFuture();
            Thread.sleep(1_000); // the subscription is registered before the item arrives
            String line = "{\"id\":\"" + id + "\",\"headline\":\"<SPY.P> gains strongly as markets rally\",\"publishedAt\":\""
                    + Instant.now() + "\"}";
            JsonNode imported = platform.graphql(admin,
                    "mutation($in: ImportNewsInput!) { importNews(input: $in) { loaded } }",
                    Map.of("in", Map.of("source", "newsit", "jsonLines", line))).data().get("importNews");
            assertThat(imported.get("loaded").asInt()).isEqualTo(1);

            Map item = received.get(20, TimeUnit.SECONDS);
            assertThat(item.get("symbols")).isEqualTo(List.of("SPY"));
            assertThat(((Map) item.get("sentiment")).get("label")).isEqualTo("POSITIVE");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static JsonNode only(JsonNode impacts, String window) {
        JsonNode found = null;
        for (JsonNode impact : impacts) {
            if (impact.get("window").asText().equals(window)) {
                assertThat(found).as("one %s entry in %s", window, impacts).isNull();
                found = impact;
            }
        }
        assertThat(found).as("a %s entry in %s", window, impacts).isNotNull();
        return found;
    }
}
