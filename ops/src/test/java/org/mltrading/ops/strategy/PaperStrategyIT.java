package org.mltrading.ops.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Paper strategies through the public API of the shared platform: the seeded PRODUCTION momentum model
 * drives orders of a fresh account through the ordinary order flow (risk, venue, fills), each order
 * carries the prediction it acted on, risk refusals are REJECTED orders, stopping stops, bad input is
 * refused with codes. Each test opens its own account (owned by {@code trader}, entitled to the
 * integrator), so other tests' orders never mix in.
 */
class PaperStrategyIT {

    private static final String ORDERS = """
            query($a: ID!) { orders(accountId: $a, first: 200) { edges { node { id clientOrderId symbol side quantity
              status rejectCode filledQuantity placedBy placedAt
              provenance { strategyId modelName modelVersion modelLabel predictionId predictionTime barTime value lower upper
                features { name value } } } } } }""";
    private static final String STRATEGIES = """
            query($a: ID!) { strategies(accountId: $a) { id status model modelVersion symbol position openQuantity
              ordersDecided startedBy startedAt stoppedAt stopReason } }""";

    private static RunningPlatform platform;
    private static String integrator;
    private static String admin;
    private static String risk;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        admin = platform.userToken("admin");
        risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        await(() -> platform.graphql(integrator, "{ model(id: \"momentum\") { status } }", null).data(),
                data -> data != null && "PRODUCTION".equals(data.path("model").path("status").asText()),
                Duration.ofSeconds(90));
    }

    @Test
    void a_production_model_trades_a_fresh_account_through_the_order_flow_with_its_prediction_as_provenance()
            throws Exception {
        String account = openAccount("paper-trades");
        String symbol = symbolWithLivePredictions();
        BigDecimal lot = lotSize(symbol);

        JsonNode strategy = startStrategy(account, symbol, lot, lot.multiply(BigDecimal.valueOf(2)), "0");
        String id = strategy.get("id").asText();
        assertThat(strategy.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(strategy.get("startedBy").asText()).isEqualTo("demo-integrator");
        int version = strategy.get("modelVersion").asInt();

        // an automated order fills: the venue executed it after the account's risk check approved it
        JsonNode filled = await(() -> strategyOrders(account, id),
                orders -> orders.stream().anyMatch(o -> o.get("status").asText().equals("FILLED")),
                Duration.ofSeconds(120)).stream().filter(o -> o.get("status").asText().equals("FILLED")).findFirst()
                .orElseThrow();
        JsonNode provenance = filled.get("provenance");
        assertThat(filled.get("symbol").asText()).isEqualTo(symbol);
        assertThat(filled.get("placedBy").asText()).isEqualTo("strategy:" + id);
        assertThat(provenance.get("modelName").asText()).isEqualTo("momentum");
        assertThat(provenance.get("modelVersion").asInt()).isEqualTo(version);
        assertThat(provenance.get("modelLabel").asText()).isEqualTo("momentum@" + version);
        double value = provenance.get("value").asDouble();
        assertThat(value).isBetween(provenance.get("lower").asDouble(), provenance.get("upper").asDouble());
        // threshold 0: the order's side is the sign of the forecast
        assertThat(filled.get("side").asText()).isEqualTo(value > 0 ? "BUY" : "SELL");
        assertThat(provenance.get("features").findValuesAsText("name")).contains("mom_20_vs", "vol_20");
        assertThat(Instant.parse(provenance.get("predictionTime").asText()))
                .isAfterOrEqualTo(Instant.parse(strategy.get("startedAt").asText()));

        // the prediction it acted on is the one stored and served by predictions(symbol)
        Instant madeAt = Instant.parse(provenance.get("predictionTime").asText());
        String predictionId = provenance.get("predictionId").asText();
        JsonNode stored = await(() -> platform.graphql(integrator,
                        "query($s: String!, $f: DateTime, $t: DateTime) { predictions(symbol: $s, from: $f, to: $t) {"
                                + " id modelVersion value lower upper } }",
                        Map.of("s", symbol, "f", madeAt.minusSeconds(5).toString(), "t", madeAt.plusSeconds(5).toString()))
                        .data().get("predictions"),
                list -> list != null && list.findValuesAsText("id").contains(predictionId), Duration.ofSeconds(30));
        for (JsonNode prediction : stored) {
            if (prediction.get("id").asText().equals(predictionId)) {
                assertThat(prediction.get("modelVersion").asText()).isEqualTo("momentum@" + version);
                assertThat(prediction.get("value").asDouble()).isEqualTo(value);
                assertThat(prediction.get("lower").asDouble()).isEqualTo(provenance.get("lower").asDouble());
                assertThat(prediction.get("upper").asDouble()).isEqualTo(provenance.get("upper").asDouble());
            }
        }

        // stop: no order on a prediction made after the stop, however many predictions follow
        JsonNode stopped = stopStrategy(integrator, id, "end of paper test");
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("stopReason").asText()).isEqualTo("end of paper test");
        Instant stoppedAt = Instant.parse(stopped.get("stoppedAt").asText());
        awaitPredictionAfter(symbol, stoppedAt.plusSeconds(3));
        for (JsonNode order : strategyOrders(account, id)) {
            assertThat(Instant.parse(order.get("provenance").get("predictionTime").asText()))
                    .as("order %s decided after the stop", order.get("id").asText()).isBeforeOrEqualTo(stoppedAt);
        }

        // once every order has ended, the account's position is the strategy's fills, and the strategy agrees
        await(() -> settled(account, id, symbol), ok -> ok, Duration.ofSeconds(60));
        JsonNode after = strategyById(account, id);
        assertThat(after.get("openQuantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("position").decimalValue().abs()).isLessThanOrEqualTo(lot.multiply(BigDecimal.valueOf(2)));

        // a figure for the report, not a bound: prediction made -> order placed (runner, aggregate, saga, Order)
        List<Long> latencies = strategyOrders(account, id).stream().map(order -> Duration.between(
                Instant.parse(order.get("provenance").get("predictionTime").asText()),
                Instant.parse(order.get("placedAt").asText())).toMillis()).sorted().toList();
        System.out.printf("paper strategy: %d orders, prediction -> order placed: median %d ms, max %d ms%n",
                latencies.size(), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));

        // compliance: the order's own audit trail says why it exists; the strategy's says who started and stopped it
        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        String trail = "query($id: ID!) { auditTrail(aggregateId: $id) { type actor payload } }";
        JsonNode placed = platform.graphql(compliance, trail, Map.of("id", filled.get("id").asText())).data()
                .get("auditTrail").get(0);
        assertThat(placed.get("type").asText()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.get("actor").asText()).isEqualTo("strategy:" + id);
        assertThat(placed.get("payload").get("provenance").get("predictionId").asText()).isEqualTo(predictionId);
        assertThat(placed.get("payload").get("provenance").get("modelVersion").asInt()).isEqualTo(version);
        JsonNode life = platform.graphql(compliance, trail, Map.of("id", id)).data().get("auditTrail");
        assertThat(life.get(0).get("type").asText()).isEqualTo("StrategyStartedEvent");
        assertThat(life.get(0).get("actor").asText()).isEqualTo("demo-integrator");
        assertThat(life.get(0).get("payload").get("reason").asText()).isEqualTo("paper strategy IT");
        assertThat(life.findValuesAsText("type")).contains("StrategyOrderDecidedEvent", "StrategyFillRecordedEvent",
                "StrategyStoppedEvent");
    }

    @Test
    void a_strategy_sized_beyond_the_accounts_position_limit_gets_rejected_orders_with_the_risk_code() throws Exception {
        String account = openAccount("paper-risk");
        String symbol = symbolWithLivePredictions();
        BigDecimal lot = lotSize(symbol);
        GraphQlAnswer limits = platform.graphql(risk, """
                mutation($a: ID!, $p: Decimal!) { setRiskLimits(input: {accountId: $a, maxOrderNotional: "1000000",
                  maxPositionPerInstrument: $p, maxGrossExposure: "5000000", maxDailyLoss: "100000",
                  maxOrdersPerSecond: 5000}) { id } }""", Map.of("a", account, "p", lot.toPlainString()));
        assertThat(limits.errors()).as(limits.body().toString()).isNull();

        String id = startStrategy(account, symbol, lot.multiply(BigDecimal.valueOf(3)), lot.multiply(BigDecimal.valueOf(6)), "0")
                .get("id").asText();
        JsonNode rejected = await(() -> strategyOrders(account, id),
                orders -> !orders.isEmpty() && orders.stream().anyMatch(o -> o.get("status").asText().equals("REJECTED")),
                Duration.ofSeconds(120)).stream().filter(o -> o.get("status").asText().equals("REJECTED")).findFirst()
                .orElseThrow();
        assertThat(rejected.get("rejectCode").asText()).isEqualTo("RISK_MAX_POSITION");
        assertThat(rejected.get("provenance").get("strategyId").asText()).isEqualTo(id);
        stopStrategy(integrator, id, null);

        // nothing was ever filled: the strategy holds nothing and every refused order freed its quantity
        await(() -> strategyById(account, id), s -> s.get("openQuantity").decimalValue().signum() == 0,
                Duration.ofSeconds(30));
        assertThat(strategyOrders(account, id)).allSatisfy(order -> assertThat(order.get("status").asText()).isEqualTo("REJECTED"));
        assertThat(strategyById(account, id).get("position").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void bad_input_is_refused_with_codes_and_starts_nothing() throws Exception {
        String account = openAccount("paper-refusals");
        assertThat(startStrategyAnswer(integrator, account, "no-such-model", "AAPL", "1", "1").firstErrorCode())
                .isEqualTo("STRATEGY_MODEL_UNKNOWN");
        assertThat(startStrategyAnswer(integrator, account, "momentum", "NOPE", "1", "1").firstErrorCode())
                .isEqualTo("STRATEGY_UNKNOWN_SYMBOL");
        assertThat(startStrategyAnswer(integrator, account, "momentum", "AAPL", "0.5", "1").firstErrorCode())
                .isEqualTo("STRATEGY_INVALID_INPUT");
        GraphQlAnswer capBelowOrder = startStrategyAnswer(integrator, account, "momentum", "AAPL", "5", "2");
        assertThat(capBelowOrder.firstErrorCode()).isEqualTo("STRATEGY_INVALID_INPUT");
        assertThat(capBelowOrder.body().toString()).contains("maxPosition must be at least orderQuantity");
        // demo-account-2 is not the integrator's; compliance trades nothing
        assertThat(startStrategyAnswer(integrator, "demo-account-2", "momentum", "AAPL", "1", "1").firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
        String compliance = platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit");
        assertThat(startStrategyAnswer(compliance, account, "momentum", "AAPL", "1", "1").firstErrorCode())
                .isEqualTo("PERMISSION_DENIED");
        assertThat(platform.graphql(integrator, "mutation { stopStrategy(id: \"no-such-strategy\") { id } }", null)
                .firstErrorCode()).isEqualTo("NOT_FOUND");

        // a model that is registered but not in PRODUCTION may not trade
        String unpromoted = "paper-it-unpromoted";
        CommandGateway commands = platform.allInOne().platformContext().getBean(CommandGateway.class);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterModelVersionCommand(
                ModelId.forName(unpromoted), unpromoted, 1, ModelKind.MOMENTUM, List.of("mom_20_vs", "vol_20"),
                Map.of("intercept", 0.0, "slope", 0.1), new TrainingRange("AAPL", BarInterval.ONE_DAY,
                        Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2013-06-30T00:00:00Z")),
                "0".repeat(64))).andMetaData(MetaData.from(Map.of(AuditMetadata.ACTOR, "paper-strategy-it",
                AuditMetadata.ACTOR_TYPE, "SYSTEM", AuditMetadata.ROLES, "ADMIN", AuditMetadata.MFA, false))));
        GraphQlAnswer notProduction = await(() -> startStrategyAnswer(integrator, account, unpromoted, "AAPL", "1", "1"),
                answer -> !"STRATEGY_MODEL_UNKNOWN".equals(answer.firstErrorCode()), Duration.ofSeconds(30));
        assertThat(notProduction.firstErrorCode()).isEqualTo("STRATEGY_MODEL_NOT_IN_PRODUCTION");

        assertThat(platform.graphql(integrator, STRATEGIES, Map.of("a", account)).data().get("strategies")).isEmpty();
    }

    // ---- helpers ----

    /** A fresh account owned by {@code trader} with 1,000,000 USD, entitled to the integrator. */
    private static String openAccount(String prefix) {
        String id = prefix + "-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer opened = platform.graphql(admin, """
                mutation($a: ID!) { openAccount(input: {accountId: $a, name: "paper strategy IT", owner: "trader",
                  currency: "USD", initialCash: "1000000"}) { id } }""", Map.of("a", id));
        assertThat(opened.errors()).as(opened.body().toString()).isNull();
        GraphQlAnswer granted = platform.graphql(admin,
                "mutation($a: ID!) { grantAccountEntitlement(accountId: $a, principal: \"demo-integrator\") { id } }",
                Map.of("a", id));
        assertThat(granted.errors()).as(granted.body().toString()).isNull();
        return id;
    }

    /** The symbol of the first live momentum prediction seen: bars close where the simulator prints trades. */
    private static String symbolWithLivePredictions() throws Exception {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + integrator));
                    }
                }).build();
        try {
            Map<?, ?> prediction = client.document("""
                            subscription { predictions(symbols: ["AAPL", "MSFT", "NVDA", "SPY", "BTC-USD", "ETH-USD", "EURUSD"]) {
                              symbol modelVersion } }""")
                    .retrieveSubscription("predictions").toEntity(Map.class)
                    .filter(p -> String.valueOf(p.get("modelVersion")).startsWith("momentum@"))
                    .next().toFuture().get(120, TimeUnit.SECONDS);
            return (String) prediction.get("symbol");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    /** One lot, or 1 unit where lots are smaller (crypto): whole units keep the order notional readable. */
    private static BigDecimal lotSize(String symbol) {
        for (JsonNode instrument : platform.graphql(integrator, "{ instruments { symbol lotSize } }", null).data()
                .get("instruments")) {
            if (instrument.get("symbol").asText().equals(symbol)) {
                BigDecimal lot = new BigDecimal(instrument.get("lotSize").asText());
                return lot.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : lot;
            }
        }
        throw new AssertionError("no instrument " + symbol);
    }

    private static JsonNode startStrategy(String account, String symbol, BigDecimal orderQuantity, BigDecimal maxPosition,
                                          String threshold) {
        GraphQlAnswer started = platform.graphql(integrator, """
                mutation($a: ID!, $s: String!, $q: Decimal!, $m: Decimal!, $t: Float) { startStrategy(input: {
                  accountId: $a, model: "momentum", symbol: $s, orderQuantity: $q, maxPosition: $m, entryThreshold: $t,
                  reason: "paper strategy IT"}) { id status model modelVersion symbol startedBy startedAt } }""",
                Map.of("a", account, "s", symbol, "q", orderQuantity.toPlainString(), "m", maxPosition.toPlainString(),
                        "t", Double.parseDouble(threshold)));
        assertThat(started.errors()).as(started.body().toString()).isNull();
        return started.data().get("startStrategy");
    }

    private static GraphQlAnswer startStrategyAnswer(String token, String account, String model, String symbol,
                                                     String orderQuantity, String maxPosition) {
        return platform.graphql(token, """
                mutation($a: ID!, $mo: String!, $s: String!, $q: Decimal!, $m: Decimal!) { startStrategy(input: {
                  accountId: $a, model: $mo, symbol: $s, orderQuantity: $q, maxPosition: $m}) { id } }""",
                Map.of("a", account, "mo", model, "s", symbol, "q", orderQuantity, "m", maxPosition));
    }

    private static JsonNode stopStrategy(String token, String id, String reason) {
        GraphQlAnswer stopped = platform.graphql(token,
                "mutation($id: ID!, $r: String) { stopStrategy(id: $id, reason: $r) { id status stoppedAt stopReason } }",
                reason == null ? Map.of("id", id) : Map.of("id", id, "r", reason));
        assertThat(stopped.errors()).as(stopped.body().toString()).isNull();
        return stopped.data().get("stopStrategy");
    }

    private static List<JsonNode> strategyOrders(String account, String strategyId) {
        List<JsonNode> orders = new ArrayList<>();
        for (JsonNode edge : platform.graphql(integrator, ORDERS, Map.of("a", account)).data().get("orders").get("edges")) {
            JsonNode provenance = edge.get("node").get("provenance");
            if (provenance != null && !provenance.isNull() && provenance.get("strategyId").asText().equals(strategyId)) {
                orders.add(edge.get("node"));
            }
        }
        return orders;
    }

    private static JsonNode strategyById(String account, String id) {
        for (JsonNode strategy : platform.graphql(integrator, STRATEGIES, Map.of("a", account)).data().get("strategies")) {
            if (strategy.get("id").asText().equals(id)) {
                return strategy;
            }
        }
        throw new AssertionError("no strategy " + id + " on " + account);
    }

    /**
     * Every order the strategy decided is visible and has ended, and the account's position in the symbol equals both the signed sum of the
     * filled quantities of the strategy's orders and the strategy's own position.
     */
    private static boolean settled(String account, String strategyId, String symbol) {
        BigDecimal filled = BigDecimal.ZERO;
        for (JsonNode order : strategyOrders(account, strategyId)) {
            if (List.of("PENDING", "WORKING", "PARTIALLY_FILLED").contains(order.get("status").asText())) {
                return false;
            }
            BigDecimal quantity = order.get("filledQuantity").decimalValue();
            filled = filled.add(order.get("side").asText().equals("BUY") ? quantity : quantity.negate());
        }
        BigDecimal held = BigDecimal.ZERO;
        JsonNode positions = platform.graphql(integrator, "query($a: ID!) { account(id: $a) { positions { symbol quantity } } }",
                Map.of("a", account)).data().get("account").get("positions");
        for (JsonNode position : positions) {
            if (position.get("symbol").asText().equals(symbol)) {
                held = position.get("quantity").decimalValue();
            }
        }
        JsonNode strategy = strategyById(account, strategyId);
        return strategy.get("ordersDecided").asInt() == strategyOrders(account, strategyId).size()
                && held.compareTo(filled) == 0 && strategy.get("position").decimalValue().compareTo(filled) == 0;
    }

    /** Waits until a momentum prediction of the symbol made after {@code after} is stored. */
    private static void awaitPredictionAfter(String symbol, Instant after) throws Exception {
        await(() -> platform.graphql(integrator,
                        "query($s: String!, $f: DateTime) { predictions(symbol: $s, from: $f) { modelVersion time } }",
                        Map.of("s", symbol, "f", after.toString())).data().get("predictions"),
                list -> list != null && list.findValuesAsText("modelVersion").stream().anyMatch(v -> v.startsWith("momentum@")),
                Duration.ofSeconds(90));
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
