package org.mltrading.ops.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.AppleDailyHistory;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * trainModel through the public API: versions fitted on the platform from stored bars (and, for
 * SENTIMENT, the news sentiment series), registered, then backtested like any other; coded refusals.
 */
class TrainModelIT {

    private static final String TRAIN = """
            mutation($in: TrainModelInput!) { trainModel(input: $in) {
              name kind versions { version status features training { symbol interval from to } parameters { name value } } } }""";

    private static RunningPlatform platform;
    private static String risk;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
        risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
    }

    @Test
    void a_risk_officer_trains_a_momentum_version_on_imported_apple_daily_bars(@TempDir Path dir) throws Exception {
        AppleDailyHistory.importInto(platform, platform.integratorToken(), dir);

        JsonNode model = platform.graphql(risk, TRAIN, Map.of("in", Map.of("name", "aapl-daily-momentum", "kind", "MOMENTUM",
                "symbol", "AAPL", "interval", "ONE_DAY", "from", "2013-01-01T00:00:00Z", "to", "2013-12-31T00:00:00Z")))
                .data().get("trainModel");

        assertThat(model.get("kind").asText()).isEqualTo("MOMENTUM");
        JsonNode version = model.get("versions").get(model.get("versions").size() - 1);
        assertThat(version.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(version.get("features").toString()).contains("mom_20_vs").contains("vol_20");
        assertThat(version.get("training").get("symbol").asText()).isEqualTo("AAPL");
        assertThat(version.get("training").get("from").asText()).isEqualTo("2013-01-02T00:00:00Z");
        assertThat(version.get("parameters").findValuesAsText("name")).contains("slope", "q80", "q95", "training_samples");
    }

    @Test
    void a_sentiment_version_is_fitted_on_bars_and_news_and_its_backtest_completes() throws Exception {
        Instant to = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant from = to.minus(Duration.ofHours(6));
        // news about AAPL every 5 minutes of the window, alternating good and bad, so the surprise varies
        StringBuilder lines = new StringBuilder();
        String[] headlines = {"$AAPL surges on record profit", "$AAPL plunges after a profit warning", "$AAPL holds steady"};
        for (int i = 0; i < 72; i++) {
            lines.append("{\"id\":\"train-").append(i).append("\",\"headline\":\"").append(headlines[i % 3])
                    .append("\",\"publishedAt\":\"").append(from.plus(Duration.ofMinutes(5L * i + 1))).append("\"}\n");
        }
        JsonNode imported = platform.graphql(platform.userToken("admin"),
                "mutation($in: ImportNewsInput!) { importNews(input: $in) { loaded duplicates } }",
                Map.of("in", Map.of("source", "trainit", "jsonLines", lines.toString()))).data().get("importNews");
        assertThat(imported.get("loaded").asInt() + imported.get("duplicates").asInt()).isEqualTo(72);
        Thread.sleep(2_000); // QuestDB applies the series rows asynchronously (WAL)
        RunningPlatform.GraphQlAnswer trained = platform.graphql(risk, TRAIN, Map.of("in", Map.of("name", "aapl-news",
                "kind", "SENTIMENT", "symbol", "AAPL", "interval", "ONE_MINUTE", "from", from.toString(), "to", to.toString())));
        JsonNode model = trained.data().get("trainModel");
        assertThat(model).as("%s", trained.body()).isNotNull();
        assertThat(model.get("kind").asText()).isEqualTo("SENTIMENT");
        JsonNode version = model.get("versions").get(0);
        assertThat(version.get("features").toString()).contains("sent_surprise");
        int registered = version.get("version").asInt();

        // a backtest of the version reads the same sentiment series next to its bars
        JsonNode started = platform.graphql(risk, """
                mutation($in: RunBacktestInput!) { runBacktest(input: $in) { id status } }""",
                Map.of("in", Map.of("model", "aapl-news", "version", registered, "symbol", "AAPL", "interval", "ONE_MINUTE",
                        "from", from.toString(), "to", to.toString()))).data().get("runBacktest");
        String id = started.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode backtest = null;
        while (System.nanoTime() < deadline) {
            backtest = platform.graphql(risk, "query($id: ID!) { backtest(id: $id) { status reason metrics { trades } } }",
                    Map.of("id", id)).data().get("backtest");
            if (backtest != null && (backtest.get("status").asText().equals("COMPLETED")
                    || backtest.get("status").asText().equals("FAILED"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(backtest.get("status").asText()).as("%s", backtest).isEqualTo("COMPLETED");
    }

    @Test
    void too_little_history_an_onnx_kind_and_a_trader_are_refused_with_codes() {
        // four days ago: before any news (and, on a test platform's short warm start, before any bar)
        Instant past = Instant.now().minus(Duration.ofDays(4));
        RunningPlatform.GraphQlAnswer noNews = platform.graphql(risk, TRAIN, Map.of("in", Map.of("name", "no-news",
                "kind", "SENTIMENT", "symbol", "EURUSD", "interval", "ONE_MINUTE",
                "from", past.toString(), "to", past.plus(Duration.ofHours(3)).toString())));
        assertThat(noNews.firstErrorCode()).as("%s", noNews.body()).isEqualTo("MODEL_NO_TRAINING_DATA");
        RunningPlatform.GraphQlAnswer empty = platform.graphql(risk, TRAIN, Map.of("in", Map.of("name", "empty-range",
                "kind", "MOMENTUM", "symbol", "MSFT", "interval", "ONE_DAY", "from", "2001-01-01T00:00:00Z",
                "to", "2001-02-01T00:00:00Z")));
        assertThat(empty.firstErrorCode()).isEqualTo("MODEL_NO_TRAINING_DATA");
        RunningPlatform.GraphQlAnswer onnx = platform.graphql(risk, TRAIN, Map.of("in", Map.of("name", "not-onnx",
                "kind", "ONNX", "symbol", "AAPL", "interval", "ONE_DAY", "from", "2013-01-01T00:00:00Z",
                "to", "2013-12-31T00:00:00Z")));
        assertThat(onnx.firstErrorCode()).isEqualTo("MODEL_INVALID_INPUT");
        RunningPlatform.GraphQlAnswer trader = platform.graphql(platform.integratorToken(), TRAIN, Map.of("in", Map.of(
                "name", "x", "kind", "MOMENTUM", "symbol", "AAPL", "interval", "ONE_DAY", "from", "2013-01-01T00:00:00Z",
                "to", "2013-12-31T00:00:00Z")));
        assertThat(trader.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }
}
