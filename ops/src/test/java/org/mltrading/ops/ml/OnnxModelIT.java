package org.mltrading.ops.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ml.feature.Features;
import org.mltrading.ops.onnx.ImportOnnxModel;
import org.mltrading.ops.testing.AppleDailyHistory;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import reactor.core.publisher.Mono;

/**
 * A model trained outside the platform, end to end through the public API: trained here with Tribuo
 * on AAPL's 2013 daily features, exported to ONNX, imported by an admin (user token with MFA),
 * validated with a recorded backtest and promoted by a risk officer, then served live by ONNX Runtime
 * with intervals around every forecast. Bad artefacts are refused with codes and register nothing.
 */
class OnnxModelIT {

    private static final String APPLE = "appleinc_bars_from_20130101_usd.csv";
    private static final String NAME = "onnx-linear";
    /** Samples up to bar 150 train the model; bars from 130 on (first sample: bar 150) calibrate it. */
    private static final int TRAINING_END = 150;
    private static final int CALIBRATION_START = TRAINING_END - Features.LOOKBACK;
    private static final String MODEL = """
            query($id: ID!) { model(id: $id) { id name kind status productionVersion versions { version status features
              artefactHash description parameters { name value } training { symbol interval from to }
              validation { backtestId passed failures metrics { trades sharpe maxDrawdown bars } } } } }""";
    private static final String IMPORT = """
            mutation($input: ImportOnnxModelInput!) { importOnnxModel(input: $input) { id name kind status
              versions { version status features artefactHash description parameters { name value }
              training { symbol interval from to } } } }""";

    private static RunningPlatform platform;
    private static String admin;
    private static String risk;
    private static List<String[]> apple;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
        admin = platform.userToken("admin");
        risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        apple = readApple();
    }

    @Test
    void a_model_trained_and_exported_to_onnx_is_imported_validated_promoted_and_served_with_intervals(@TempDir Path dir)
            throws Exception {
        importAppleDaily(dir);
        Trained trained = Trained.on(closes(), List.of("ret_5", "mom_20_vs", "z_20", "rsi_14"));

        RunningPlatform.GraphQlAnswer imported = platform.graphql(admin, IMPORT, Map.of("input",
                importInput(NAME, trained.inputOrder, Base64.getMimeEncoder().encodeToString(trained.onnx))));
        assertThat(imported.errors()).as(imported.body().toString()).isNull();
        JsonNode model = imported.data().get("importOnnxModel");
        assertThat(model.get("kind").asText()).isEqualTo("ONNX");
        JsonNode v1 = model.get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(v1.get("artefactHash").asText()).isEqualTo(sha256(trained.onnx));
        assertThat(texts(v1.get("features"))).isEqualTo(trained.inputOrder);
        assertThat(v1.get("description").asText()).isEqualTo("Tribuo linear SGD, AAPL daily 2013 to early August");
        assertThat(v1.get("training").get("from").asText()).startsWith(apple.get(CALIBRATION_START)[0]);
        Map<String, Double> parameters = parameters(v1);
        assertThat(parameters.get("calibration_samples")).isEqualTo(apple.size() - CALIBRATION_START - 1 - Features.LOOKBACK);
        assertThat(parameters.get("q80")).isPositive().isLessThan(parameters.get("q95"));

        // validation: a walk through 2013 served by ONNX Runtime, recorded on the version by a risk officer
        RunningPlatform.GraphQlAnswer started = platform.graphql(risk, """
                mutation { runBacktest(input: {model: "onnx-linear", version: 1, symbol: "AAPL", interval: ONE_DAY,
                  from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z", recordAsValidation: true}) { id } }""", null);
        assertThat(started.errors()).as(started.body().toString()).isNull();
        JsonNode validated = await(() -> model(), m -> m.get("versions").get(0).hasNonNull("validation"), Duration.ofSeconds(60));
        JsonNode validation = validated.get("versions").get(0).get("validation");
        assertThat(validation.get("backtestId").asText()).isEqualTo(started.data().get("runBacktest").get("id").asText());
        assertThat(validation.get("metrics").get("bars").asInt()).isEqualTo(apple.size());
        assertThat(validation.get("metrics").get("trades").asInt()).isPositive();
        assertThat(validation.get("passed").asBoolean()).as(validation.toString()).isTrue();

        RunningPlatform.GraphQlAnswer promoted = platform.graphql(risk,
                "mutation { promoteModel(input: {model: \"onnx-linear\", version: 1}) { status productionVersion } }", null);
        assertThat(promoted.errors()).as(promoted.body().toString()).isNull();
        assertThat(promoted.data().get("promoteModel").get("status").asText()).isEqualTo("PRODUCTION");
        try {
            // live: every closed bar of every symbol gets a forecast from the imported version
            List<Map> predictions = livePredictions("onnx-linear@1", 3);
            assertThat(predictions).hasSize(3);
            for (Map prediction : predictions) {
                double value = number(prediction, "value");
                assertThat(number(prediction, "lower")).isLessThanOrEqualTo(number(prediction, "lower80"));
                assertThat(number(prediction, "lower80")).isLessThanOrEqualTo(value);
                assertThat(value).isLessThanOrEqualTo(number(prediction, "upper80"));
                assertThat(number(prediction, "upper80")).isLessThanOrEqualTo(number(prediction, "upper"));
                assertThat(Double.isFinite(value)).isTrue();
            }
            String symbol = (String) predictions.get(0).get("symbol");
            String id = (String) predictions.get(0).get("id");
            JsonNode stored = await(() -> platform.graphql(risk,
                            "query($s: String!) { predictions(symbol: $s) { id modelVersion value lower upper } }",
                            Map.of("s", symbol)).data().get("predictions"),
                    list -> list != null && list.findValuesAsText("id").contains(id), Duration.ofSeconds(20));
            for (JsonNode row : stored) {
                if (row.get("id").asText().equals(id)) {
                    assertThat(row.get("modelVersion").asText()).isEqualTo("onnx-linear@1");
                    assertThat(row.get("lower").asDouble()).isLessThanOrEqualTo(row.get("value").asDouble());
                    assertThat(row.get("value").asDouble()).isLessThanOrEqualTo(row.get("upper").asDouble());
                }
            }
        } finally {
            // the shared platform's other tests expect only the seeded models in production
            platform.graphql(risk, "mutation { retireModel(input: {model: \"onnx-linear\", version: 1,"
                    + " reason: \"OnnxModelIT finished\"}) { status } }", null);
            Thread.sleep(3_000); // the live predictor re-reads the production list every 2 s
        }
    }

    /**
     * Alternative data as a model input: NOAA's Seattle daily maximum temperature (imported with
     * ops/import-series) next to AAPL's returns — a nonsense predictor, on purpose: what is checked is the
     * plumbing, point in time: training here, calibration at import and the backtest see the same value per bar.
     */
    @Test
    void an_onnx_model_reading_an_alternative_series_is_calibrated_and_backtested_on_it(@TempDir Path dir) throws Exception {
        importAppleDaily(dir);
        Path weather = dir.resolve("seattle-weather.csv");
        try (InputStream in = Objects.requireNonNull(OnnxModelIT.class.getResourceAsStream("/public-series/seattle-weather.csv"))) {
            Files.copy(in, weather);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int loaded = new org.mltrading.ops.news.ImportSeries(new PrintStream(log, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run(new String[] {"--columns", "temp_max", weather.toString()},
                platform.settings(), null);
        assertThat(loaded).as(log.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, Double> tempMax = new HashMap<>();
        for (String line : Files.readAllLines(weather).subList(1, 1462)) {
            String[] f = line.split(",");
            tempMax.put(f[0], Double.parseDouble(f[2]));
        }
        double[] temps = apple.stream().mapToDouble(row -> tempMax.get(row[0])).toArray(); // the value dated the bar's day
        String alt = "alt:seattle-weather_temp_max";
        Trained trained = Trained.on(closes(), List.of("ret_5", alt), temps);
        Thread.sleep(2_000); // QuestDB applies the imported rows asynchronously (WAL)

        Map<String, Object> input = importInput("onnx-weather", trained.inputOrder,
                Base64.getEncoder().encodeToString(trained.onnx));
        RunningPlatform.GraphQlAnswer imported = platform.graphql(admin, IMPORT, Map.of("input", input));
        assertThat(imported.errors()).as(imported.body().toString()).isNull();
        JsonNode version = imported.data().get("importOnnxModel").get("versions").get(0);
        assertThat(texts(version.get("features"))).contains(alt, "ret_5");
        // every calibration bar has a temperature (the series covers 2012-2015)
        assertThat(parameters(version).get("calibration_samples"))
                .isEqualTo(apple.size() - CALIBRATION_START - 1 - Features.LOOKBACK);

        RunningPlatform.GraphQlAnswer started = platform.graphql(risk, """
                mutation { runBacktest(input: {model: "onnx-weather", version: 1, symbol: "AAPL", interval: ONE_DAY,
                  from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z"}) { id } }""", null);
        assertThat(started.errors()).as(started.body().toString()).isNull();
        String id = started.data().get("runBacktest").get("id").asText();
        JsonNode backtest = await(() -> platform.graphql(risk, "query($id: ID!) { backtest(id: $id) { status reason metrics { bars } } }",
                Map.of("id", id)).data().get("backtest"), b -> b != null && !b.isNull() && !b.get("status").asText().matches("PENDING|RUNNING"),
                Duration.ofSeconds(60));
        assertThat(backtest.get("status").asText()).as(backtest.toString()).isEqualTo("COMPLETED");
        assertThat(backtest.get("metrics").get("bars").asInt()).isEqualTo(apple.size());

        RunningPlatform.GraphQlAnswer unknown = platform.graphql(admin, IMPORT, Map.of("input", importInput("onnx-bad",
                List.of("ret_5", "alt:Not A Series"), Base64.getEncoder().encodeToString(trained.onnx))));
        assertThat(unknown.firstErrorCode()).isEqualTo("MODEL_INVALID_INPUT");
    }

    @Test
    void bad_artefacts_are_refused_with_codes_and_register_nothing() throws Exception {
        Trained trained = Trained.on(closes(), List.of("ret_5", "mom_20_vs", "z_20", "rsi_14"));
        String onnx = Base64.getEncoder().encodeToString(trained.onnx);
        String csv = Base64.getEncoder().encodeToString("date,open,high,low,close\n".getBytes(StandardCharsets.UTF_8));
        byte[] large = new byte[600 * 1024];
        new Random(1).nextBytes(large);

        Map<String, String> refusals = new HashMap<>();
        refusals.put("not ONNX", refusal(importInput("onnx-bad", trained.inputOrder, csv), "MODEL_INVALID_ARTEFACT",
                "not an ONNX model"));
        refusals.put("not base64", refusal(importInput("onnx-bad", trained.inputOrder, "%%% not base64 %%%"),
                "MODEL_INVALID_ARTEFACT", "not base64"));
        refusals.put("too large", refusal(importInput("onnx-bad", trained.inputOrder,
                Base64.getEncoder().encodeToString(large)), "MODEL_INVALID_ARTEFACT", "at most 524288"));
        refusals.put("wrong width", refusal(importInput("onnx-bad", trained.inputOrder.subList(0, 3), onnx),
                "MODEL_INVALID_ARTEFACT", "it must be [batch, 3]"));
        refusals.put("unknown feature", refusal(importInput("onnx-bad", List.of("ret_5", "mom_20_vs", "z_20", "macd_12_26"),
                onnx), "MODEL_INVALID_INPUT", "unknown feature macd_12_26"));
        RunningPlatform.GraphQlAnswer integrator = platform.graphql(platform.integratorToken(), IMPORT,
                Map.of("input", importInput("onnx-bad", trained.inputOrder, onnx)));
        assertThat(integrator.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(refusals).allSatisfy((what, body) -> assertThat(body).as(what)
                .doesNotContain("Exception").doesNotContain("org.mltrading").doesNotContain("ai.onnxruntime"));

        // the command line goes through the same mutation: a refusal exits 1 with the code
        Path notOnnx = Files.createTempFile("not-a-model", ".onnx");
        Files.writeString(notOnnx, "date,open,high,low,close\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ImportOnnxModel(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--name", "onnx-bad",
                "--features", String.join(",", trained.inputOrder), "--symbol", "AAPL", "--interval", "ONE_DAY",
                "--from", "2013-07-10T00:00:00Z", "--to", "2013-12-31T00:00:00Z", notOnnx.toString()},
                platform.settings(), null);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportOnnxModel.REFUSED_OR_UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused (MODEL_INVALID_ARTEFACT)");

        JsonNode none = platform.graphql(admin, "query { model(id: \"onnx-bad\") { id } }", null).data().get("model");
        assertThat(none.isNull()).as("nothing was registered: " + none).isTrue();
    }

    private static String refusal(Map<String, Object> input, String code, String reason) {
        RunningPlatform.GraphQlAnswer answer = platform.graphql(admin, IMPORT, Map.of("input", input));
        assertThat(answer.firstErrorCode()).as(answer.body().toString()).isEqualTo(code);
        assertThat(answer.errors().get(0).get("message").asText()).contains(reason);
        return answer.body().toString();
    }

    private static Map<String, Object> importInput(String name, List<String> features, String base64) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("features", features);
        input.put("artefactBase64", base64);
        input.put("symbol", "AAPL");
        input.put("interval", "ONE_DAY");
        input.put("from", apple.get(CALIBRATION_START)[0] + "T00:00:00Z");
        input.put("to", apple.get(apple.size() - 1)[0] + "T00:00:00Z");
        input.put("description", "Tribuo linear SGD, AAPL daily 2013 to early August");
        return input;
    }

    /** A linear regression of the next log return, trained with Tribuo and exported with its ONNX exporter. */
    private record Trained(byte[] onnx, List<String> inputOrder) {

        static Trained on(double[] closes, List<String> features) {
            return on(closes, features, null);
        }

        /** {@code alt} holds, per bar, the value of the one alt: feature among {@code features} (null: none). */
        static Trained on(double[] closes, List<String> features, double[] alt) {
            RegressionFactory factory = new RegressionFactory();
            String[] names = features.toArray(String[]::new);
            MutableDataset<Regressor> data = new MutableDataset<>(
                    new SimpleDataSourceProvenance("AAPL daily 2013", factory), factory);
            double[] row = new double[Features.NAMES.size()];
            for (int t = Features.LOOKBACK; t < TRAINING_END; t++) {
                Features.compute(closes, t, row);
                double[] values = new double[names.length];
                for (int i = 0; i < names.length; i++) {
                    values[i] = Features.isAlt(names[i]) ? alt[t] : row[Features.NAMES.indexOf(names[i])];
                }
                data.add(new ArrayExample<>(new Regressor("next_log_return", Math.log(closes[t + 1] / closes[t])),
                        names, values));
            }
            LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.05), 20, 7L).train(data);
            // Tribuo numbers the input columns by feature name: the import declares them in that order
            ImmutableFeatureMap ids = model.getFeatureIDMap();
            List<String> order = new ArrayList<>();
            for (int id = 0; id < ids.size(); id++) {
                order.add(ids.get(id).getName());
            }
            return new Trained(model.exportONNXModel("org.mltrading.ops.test", 1).toByteArray(), order);
        }
    }

    private static List<Map> livePredictions(String modelVersion, int count) throws Exception {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(platform.websocketUrl(),
                new ReactorNettyWebSocketClient()).interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + risk));
                    }
                }).build();
        try {
            return client.document("""
                            subscription { predictions(symbols: ["AAPL", "MSFT", "NVDA", "SPY", "BTC-USD", "ETH-USD", "EURUSD"]) {
                              id symbol modelVersion value lower upper lower80 upper80 barTime } }""")
                    .retrieveSubscription("predictions").toEntity(Map.class)
                    .filter(prediction -> modelVersion.equals(prediction.get("modelVersion")))
                    .take(count).collectList().toFuture().get(120, TimeUnit.SECONDS);
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static JsonNode model() {
        return platform.graphql(risk, MODEL, Map.of("id", NAME)).data().get("model");
    }

    private static double number(Map prediction, String field) {
        return ((Number) prediction.get(field)).doubleValue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Map<String, Double> parameters(JsonNode version) {
        Map<String, Double> parameters = new HashMap<>();
        version.get("parameters").forEach(p -> parameters.put(p.get("name").asText(), p.get("value").asDouble()));
        return parameters;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static double[] closes() {
        return apple.stream().mapToDouble(row -> Double.parseDouble(row[4])).toArray();
    }

    private static List<String[]> readApple() throws Exception {
        try (InputStream in = Objects.requireNonNull(OnnxModelIT.class.getClassLoader().getResourceAsStream(APPLE))) {
            List<String[]> rows = new ArrayList<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        }
    }

    /** The AAPL file through ops' importer (idempotent: MlBridgeIT may have loaded it already). */
    private static void importAppleDaily(Path dir) throws Exception {
        AppleDailyHistory.importInto(platform, risk, dir);
    }

    private static <T> T await(Callable<T> read, Predicate<T> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.call();
        while (!ready.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            value = read.call();
        }
        assertThat(ready.test(value)).as("condition not met within %s; last value %s", timeout, value).isTrue();
        return value;
    }
}
