package org.mltrading.ops.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.AppleDailyHistory;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The ML bridge through the public API of the shared platform: the seeded registry, live predictions
 * with intervals, a backtest of imported AAPL daily history and the model lifecycle's roles.
 */
class MlBridgeIT {

    private static final String MODELS = """
            { models { id name kind status productionVersion versions { version status features artefactHash
              training { symbol interval from to }
              validation { backtestId passed failures metrics { totalReturn sharpe sortino maxDrawdown trades winRate
                turnover benchmarkReturn bars } } liveScore { scored hitRate coverage80 coverage95 } } } }""";

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    @Test
    void an_integrator_sees_momentum_and_mean_reversion_validated_with_one_in_production() throws Exception {
        JsonNode models = awaitModels(all -> all.size() >= 2 && productionCount(all) >= 1);
        assertThat(names(models)).contains("momentum", "mean-reversion");
        for (String seeded : List.of("momentum", "mean-reversion")) { // other tests train models of their own
            JsonNode model = byName(models, seeded);
            JsonNode v1 = model.get("versions").get(0);
            assertThat(v1.get("artefactHash").asText()).matches("[0-9a-f]{64}");
            assertThat(v1.get("training").get("symbol").asText()).isEqualTo("AAPL");
            JsonNode metrics = v1.get("validation").get("metrics");
            assertThat(metrics.get("bars").asInt()).isEqualTo(252);
            assertThat(metrics.get("benchmarkReturn").asDouble()).isCloseTo(561.02 / 549.03 - 1,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        JsonNode momentum = byName(models, "momentum");
        assertThat(momentum.get("status").asText()).isEqualTo("PRODUCTION");
        assertThat(momentum.get("versions").get(0).get("validation").get("passed").asBoolean()).isTrue();
    }

    @Test
    void an_integrator_receives_live_predictions_whose_intervals_contain_their_value() throws Exception {
        awaitModels(all -> productionCount(all) >= 1);
        WebSocketGraphQlClient client = client(integrator);
        try {
            List<Map> predictions = client.document("""
                            subscription { predictions(symbols: ["AAPL", "MSFT", "NVDA", "SPY", "BTC-USD", "ETH-USD", "EURUSD"]) {
                              id symbol modelVersion interval value lower upper lower80 upper80 barTime time } }""")
                    .retrieveSubscription("predictions").toEntity(Map.class)
                    .take(3).collectList().toFuture().get(120, TimeUnit.SECONDS);
            assertThat(predictions).hasSize(3);
            for (Map prediction : predictions) {
                double value = ((Number) prediction.get("value")).doubleValue();
                double lower = ((Number) prediction.get("lower")).doubleValue();
                double upper = ((Number) prediction.get("upper")).doubleValue();
                assertThat(lower).isLessThanOrEqualTo(((Number) prediction.get("lower80")).doubleValue());
                assertThat(value).isBetween(lower, upper);
                assertThat(upper).isGreaterThan(lower);
                assertThat((String) prediction.get("modelVersion")).matches("(momentum|mean-reversion)@\\d+");
            }
            // the stored predictions are queryable too (QuestDB applies its WAL asynchronously)
            String symbol = (String) predictions.get(0).get("symbol");
            String id = (String) predictions.get(0).get("id");
            JsonNode stored = await(() -> platform.graphql(integrator,
                    "query($s: String!) { predictions(symbol: $s) { id symbol value lower upper } }",
                    Map.of("s", symbol)).data().get("predictions"),
                    list -> list != null && list.findValuesAsText("id").contains(id), Duration.ofSeconds(20));
            assertThat(stored.findValuesAsText("id")).contains(id);

            // each prediction is scored at the next close: the model's live score counts it
            String[] label = ((String) predictions.get(0).get("modelVersion")).split("@");
            JsonNode scored = await(() -> liveScore(label[0], Integer.parseInt(label[1])),
                    score -> score != null && score.get("scored").asInt() > 0, Duration.ofSeconds(30));
            for (String rate : List.of("hitRate", "coverage80", "coverage95")) {
                assertThat(scored.get(rate).asDouble()).as(rate).isBetween(0.0, 1.0);
            }
            assertThat(scored.get("coverage95").asDouble()).isGreaterThanOrEqualTo(scored.get("coverage80").asDouble());
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_momentum_backtest_of_imported_apple_daily_2013_completes_with_the_datas_benchmark(@TempDir Path dir)
            throws Exception {
        List<String[]> csv = importAppleDaily(dir);
        BigDecimal firstClose = new BigDecimal(csv.get(0)[4]);
        BigDecimal lastClose = new BigDecimal(csv.get(csv.size() - 1)[4]);
        double benchmark = lastClose.divide(firstClose, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue();
        awaitModels(all -> names(all).contains("momentum"));

        RunningPlatform.GraphQlAnswer started = platform.graphql(integrator, """
                mutation { runBacktest(input: {model: "momentum", symbol: "AAPL", interval: ONE_DAY,
                  from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z"}) { id status model version symbol } }""", null);
        assertThat(started.errors()).as(started.body().toString()).isNull();
        String id = started.data().get("runBacktest").get("id").asText();
        assertThat(started.data().get("runBacktest").get("status").asText()).isIn("PENDING", "RUNNING", "COMPLETED");

        JsonNode backtest = await(() -> platform.graphql(integrator, """
                        query($id: ID!) { backtest(id: $id) { id status reason progress barsProcessed
                          metrics { totalReturn sharpe sortino maxDrawdown trades winRate turnover benchmarkReturn bars }
                          equity { time equity } } }""", Map.of("id", id)).data().get("backtest"),
                b -> b != null && !b.isNull() && Set.of("COMPLETED", "FAILED").contains(b.get("status").asText()),
                Duration.ofSeconds(60));
        assertThat(backtest.get("status").asText()).as(backtest.toString()).isEqualTo("COMPLETED");
        JsonNode metrics = backtest.get("metrics");
        for (String name : List.of("totalReturn", "sharpe", "sortino", "maxDrawdown", "winRate", "turnover")) {
            assertThat(metrics.get(name).isNumber()).as(name).isTrue();
            assertThat(Double.isFinite(metrics.get(name).asDouble())).as(name).isTrue();
        }
        assertThat(metrics.get("bars").asInt()).isEqualTo(csv.size());
        assertThat(metrics.get("benchmarkReturn").asDouble()).isCloseTo(benchmark, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(backtest.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(backtest.get("equity").size()).isEqualTo(csv.size());

        // the progress subscription of a finished backtest answers its final state and completes
        WebSocketGraphQlClient client = client(integrator);
        try {
            List<Map> states = client.document("subscription($id: ID!) { backtestProgress(id: $id) { status progress } }")
                    .variable("id", id).retrieveSubscription("backtestProgress").toEntity(Map.class)
                    .collectList().toFuture().get(30, TimeUnit.SECONDS);
            assertThat(states).isNotEmpty();
            assertThat(states.get(states.size() - 1)).containsEntry("status", "COMPLETED");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_backtest_without_history_fails_with_a_reason_and_an_unknown_model_is_refused_with_its_code() throws Exception {
        awaitModels(all -> names(all).contains("momentum"));
        RunningPlatform.GraphQlAnswer started = platform.graphql(integrator, """
                mutation { runBacktest(input: {model: "momentum", symbol: "MSFT", interval: ONE_DAY,
                  from: "1990-01-01T00:00:00Z", to: "1990-12-31T00:00:00Z"}) { id } }""", null);
        String id = started.data().get("runBacktest").get("id").asText();
        JsonNode backtest = await(() -> platform.graphql(integrator, "query($id: ID!) { backtest(id: $id) { status reason } }",
                Map.of("id", id)).data().get("backtest"),
                b -> b != null && !b.isNull() && b.get("status").asText().equals("FAILED"), Duration.ofSeconds(30));
        assertThat(backtest.get("reason").asText()).contains("no ONE_DAY bars of MSFT");

        RunningPlatform.GraphQlAnswer unknown = platform.graphql(integrator, """
                mutation { runBacktest(input: {model: "no-such-model", symbol: "AAPL", interval: ONE_DAY,
                  from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z"}) { id } }""", null);
        assertThat(unknown.firstErrorCode()).isEqualTo("MODEL_UNKNOWN");
    }

    @Test
    void only_a_risk_officer_or_admin_promotes_and_the_integrator_is_denied() throws Exception {
        awaitModels(all -> names(all).contains("mean-reversion"));
        String promote = "mutation { promoteModel(input: {model: \"mean-reversion\", version: 1}) { name status productionVersion } }";
        RunningPlatform.GraphQlAnswer denied = platform.graphql(integrator, promote, null);
        assertThat(denied.firstErrorCode()).isEqualTo("PERMISSION_DENIED");

        String risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        RunningPlatform.GraphQlAnswer promoted = platform.graphql(risk, promote, null);
        assertThat(promoted.errors()).as(promoted.body().toString()).isNull();
        assertThat(promoted.data().get("promoteModel").get("status").asText()).isEqualTo("PRODUCTION");
        assertThat(promoted.data().get("promoteModel").get("productionVersion").asInt()).isEqualTo(1);

        RunningPlatform.GraphQlAnswer missing = platform.graphql(risk,
                "mutation { promoteModel(input: {model: \"mean-reversion\", version: 9}) { name } }", null);
        assertThat(missing.firstErrorCode()).isEqualTo("MODEL_VERSION_UNKNOWN");
    }

    private static List<String[]> importAppleDaily(Path dir) throws Exception {
        return AppleDailyHistory.importInto(platform, integrator, dir);
    }

    private static JsonNode liveScore(String model, int version) {
        JsonNode models = platform.graphql(integrator, MODELS, null).data().get("models");
        for (JsonNode v : byName(models, model).get("versions")) {
            if (v.get("version").asInt() == version) {
                return v.get("liveScore");
            }
        }
        return null;
    }

    private static JsonNode awaitModels(Predicate<JsonNode> ready) throws Exception {
        return await(() -> platform.graphql(integrator, MODELS, null).data().get("models"), ready, Duration.ofSeconds(60));
    }

    private static int productionCount(JsonNode models) {
        int count = 0;
        for (JsonNode model : models) {
            count += model.get("status").asText().equals("PRODUCTION") ? 1 : 0;
        }
        return count;
    }

    private static List<String> names(JsonNode models) {
        return models.findValuesAsText("name");
    }

    private static JsonNode byName(JsonNode models, String name) {
        for (JsonNode model : models) {
            if (model.get("name").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no model " + name + " in " + models);
    }

    private static <T> T await(java.util.concurrent.Callable<T> read, Predicate<T> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.call();
        while (!ready.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            value = read.call();
        }
        assertThat(ready.test(value)).as("condition not met within %s; last value %s", timeout, value).isTrue();
        return value;
    }

    private static WebSocketGraphQlClient client(String token) {
        return WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
    }
}
