package org.mltrading.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Every query, mutation and subscription of the schema, called by six callers: anonymous, the trader
 * of account A, a trader of another account B, an integrator entitled to A, a risk officer and
 * compliance — and by four machine clients holding fewer scopes than they were granted (issue 14,
 * finding 4): the integrator with only {@code read} or only {@code trade}, the risk officer and
 * compliance with only {@code read}. The operations come from the schema files, so a new operation
 * without a row in {@link #POLICY} and {@link #SCOPES} fails this test until someone decides who may
 * call it.
 */
class AuthorizationMatrixIT {

    enum Caller { ANONYMOUS, TRADER_A, TRADER_B, INTEGRATOR, RISK_OFFICER, COMPLIANCE,
        INTEGRATOR_READ_ONLY, INTEGRATOR_TRADE_ONLY, RISK_OFFICER_READ_ONLY, COMPLIANCE_READ_ONLY }

    /** A scope-limited caller: the same client as its base caller, with only these scopes in its token. */
    record Limited(Caller base, String clientId, String secret, Set<String> scopes) {}

    static final Map<Caller, Limited> LIMITED = Map.of(
            Caller.INTEGRATOR_READ_ONLY, new Limited(Caller.INTEGRATOR, "demo-integrator", "demo-integrator-secret", Set.of("read")),
            Caller.INTEGRATOR_TRADE_ONLY, new Limited(Caller.INTEGRATOR, "demo-integrator", "demo-integrator-secret", Set.of("trade")),
            Caller.RISK_OFFICER_READ_ONLY, new Limited(Caller.RISK_OFFICER, "demo-risk", "demo-risk-secret", Set.of("read")),
            Caller.COMPLIANCE_READ_ONLY, new Limited(Caller.COMPLIANCE, "demo-compliance", "demo-compliance-secret", Set.of("read")));

    private static final Set<Caller> EVERYONE = EnumSet.of(Caller.TRADER_A, Caller.TRADER_B, Caller.INTEGRATOR,
            Caller.RISK_OFFICER, Caller.COMPLIANCE);
    private static final Set<Caller> VIEWERS_OF_A = EnumSet.of(Caller.TRADER_A, Caller.INTEGRATOR, Caller.RISK_OFFICER,
            Caller.COMPLIANCE);
    private static final Set<Caller> TRADERS_OF_A = EnumSet.of(Caller.TRADER_A, Caller.INTEGRATOR);
    private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class); // of these six: ADMIN only

    static final String A = "demo-account";
    static final String B = "matrix-account-b";

    /** Operation → (arguments, who may call it). {@code %ORDER%} is a working order of account A. */
    static final Map<String, Row> POLICY = Map.ofEntries(
            row("Query.me", "", EVERYONE),
            row("Query.accounts", "", EVERYONE),
            row("Query.account", "(id: \"" + A + "\")", VIEWERS_OF_A),
            row("Query.order", "(id: \"%ORDER%\")", VIEWERS_OF_A),
            row("Query.orders", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Query.ordersByClientOrderId", "(clientOrderId: \"matrix-none\", accountId: \"" + A + "\")",
                    VIEWERS_OF_A),
            row("Query.instruments", "", EVERYONE),
            row("Query.quote", "(symbol: \"AAPL\")", EVERYONE),
            row("Query.bars", "(symbol: \"AAPL\", interval: ONE_MINUTE)", EVERYONE),
            row("Query.trades", "(symbol: \"AAPL\")", EVERYONE),
            row("Query.accessAudit", "(first: 1)", EnumSet.of(Caller.COMPLIANCE)),
            row("Query.users", "", NOBODY),
            row("Query.auditTrail", "(aggregateId: \"" + A + "\")", EnumSet.of(Caller.COMPLIANCE)),
            row("Query.auditEvents", "(first: 1)", EnumSet.of(Caller.COMPLIANCE)),
            row("Query.verifyAuditChain", "", EnumSet.of(Caller.COMPLIANCE)),
            row("Query.orderAuditReport", "(from: \"2026-01-01T00:00:00Z\", to: \"2026-01-02T00:00:00Z\")",
                    EnumSet.of(Caller.COMPLIANCE)),
            row("Query.transactionReport", "(from: \"2026-01-01T00:00:00Z\", to: \"2026-01-02T00:00:00Z\")",
                    EnumSet.of(Caller.COMPLIANCE)),
            row("Query.projectionStatus", "(name: \"order-projection\")", NOBODY),
            row("Query.projectionChecksum", "(name: \"order-projection\")", EnumSet.of(Caller.COMPLIANCE)),
            row("Mutation.rebuildProjection", "(name: \"order-projection\")", NOBODY),
            row("Query.models", "", EVERYONE),
            row("Query.model", "(id: \"%MODEL%\")", EVERYONE),
            row("Query.backtest", "(id: \"%BACKTEST%\")", EVERYONE),
            row("Query.backtests", "(first: 1)", EVERYONE),
            row("Query.predictions", "(symbol: \"AAPL\")", EVERYONE),
            // an unknown model: allowed callers get MODEL_UNKNOWN, nothing changes for the other tests
            row("Mutation.runBacktest", "(input: {model: \"matrix-none\", symbol: \"AAPL\", interval: ONE_DAY,"
                    + " from: \"2013-01-01T00:00:00Z\", to: \"2013-02-01T00:00:00Z\"})",
                    EnumSet.of(Caller.TRADER_A, Caller.TRADER_B, Caller.INTEGRATOR, Caller.RISK_OFFICER)),
            row("Mutation.promoteModel", "(input: {model: \"matrix-none\", version: 1})", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.retireModel", "(input: {model: \"matrix-none\", version: 1, reason: \"matrix\"})",
                    EnumSet.of(Caller.RISK_OFFICER)),
            // bytes that are not ONNX: allowed callers get MODEL_INVALID_ARTEFACT and nothing is registered
            row("Mutation.importOnnxModel", "(input: {name: \"matrix-onnx\", features: [\"ret_1\"],"
                    + " artefactBase64: \"bm90IGFuIG9ubnggbW9kZWw=\", symbol: \"AAPL\", interval: ONE_DAY,"
                    + " from: \"2013-01-01T00:00:00Z\", to: \"2013-02-01T00:00:00Z\"})", EnumSet.of(Caller.RISK_OFFICER)),
            // an empty range: allowed callers get MODEL_INVALID_INPUT and nothing is registered
            row("Mutation.trainModel", "(input: {name: \"matrix-train\", kind: MOMENTUM, symbol: \"AAPL\", interval: ONE_DAY,"
                    + " from: \"2013-02-01T00:00:00Z\", to: \"2013-02-01T00:00:00Z\"})", EnumSet.of(Caller.RISK_OFFICER)),
            row("Subscription.predictions", "(symbols: [\"AAPL\"])", EVERYONE),
            row("Subscription.backtestProgress", "(id: \"%BACKTEST%\")", EVERYONE),
            row("Mutation.placeOrder", "(input: {accountId: \"" + A + "\", clientOrderId: \"%UNIQUE%\", symbol: \"AAPL\","
                    + " side: BUY, type: LIMIT, quantity: \"1\", limitPrice: \"1.00\", timeInForce: GTC})", TRADERS_OF_A),
            row("Mutation.previewOrder", "(input: {accountId: \"" + A + "\", clientOrderId: \"%UNIQUE%\", symbol: \"AAPL\","
                    + " side: BUY, type: LIMIT, quantity: \"1\", limitPrice: \"1.00\", timeInForce: GTC})", TRADERS_OF_A),
            row("Mutation.amendOrder", "(input: {orderId: \"%ORDER%\", quantity: \"2\"})", TRADERS_OF_A),
            row("Mutation.cancelOrder", "(input: {orderId: \"%ORDER%\"})", TRADERS_OF_A),
            row("Mutation.setRiskLimits", "(input: {accountId: \"" + B + "\", maxOrderNotional: \"1000000\","
                    + " maxPositionPerInstrument: \"100000\", maxGrossExposure: \"5000000\", maxDailyLoss: \"100000\","
                    + " maxOrdersPerSecond: 5000})", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.haltTrading", "(accountId: \"" + B + "\", reason: \"matrix\")", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.resumeTrading", "(accountId: \"" + B + "\")", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.createIntegratorClient", "(input: {clientId: \"matrix-never\", scopes: [\"read\"]})", NOBODY),
            row("Mutation.grantClientScopes", "(clientId: \"demo-integrator\", scopes: [\"read\"])", NOBODY),
            row("Mutation.rotateClientSecret", "(clientId: \"demo-integrator\")", NOBODY),
            row("Mutation.grantAccountEntitlement", "(accountId: \"" + B + "\", principal: \"demo-integrator\")", NOBODY),
            row("Mutation.revokeAccountEntitlement", "(accountId: \"" + A + "\", principal: \"demo-integrator\")", NOBODY),
            row("Mutation.openAccount", "(input: {accountId: \"matrix-never\", name: \"x\", owner: \"trader\","
                    + " currency: \"USD\", initialCash: \"1\"})", NOBODY),
            row("Mutation.createUser", "(input: {username: \"matrix-never\", password: \"a long enough password\","
                    + " roles: [\"ADMIN\"]})", NOBODY),
            row("Mutation.setUserEnabled", "(username: \"trader\", enabled: false)", NOBODY),
            row("Mutation.rotateSigningKey", "", NOBODY),
            row("Query.strategies", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            // an unknown model: callers who may trade A get STRATEGY_MODEL_UNKNOWN, nothing starts
            row("Mutation.startStrategy", "(input: {accountId: \"" + A + "\", model: \"matrix-none\", symbol: \"AAPL\","
                    + " orderQuantity: \"1\", maxPosition: \"1\"})", TRADERS_OF_A),
            // a strategy of A that never trades; stopping it again answers it unchanged
            row("Mutation.stopStrategy", "(id: \"%STRATEGY%\", reason: \"matrix\")",
                    EnumSet.of(Caller.TRADER_A, Caller.INTEGRATOR, Caller.RISK_OFFICER)),
            row("Subscription.orderUpdated", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Subscription.positionUpdated", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Subscription.quotes", "(symbols: [\"AAPL\"])", EVERYONE),
            row("Subscription.tradePrints", "(symbols: [\"AAPL\"])", EVERYONE),
            row("Subscription.bars", "(symbol: \"AAPL\", interval: ONE_MINUTE)", EVERYONE),
            row("Query.news", "(symbol: \"AAPL\", first: 1)", EVERYONE),
            row("Query.scoreSentiment", "(text: \"Record profit\")", EVERYONE),
            row("Query.sentiment", "(symbol: \"AAPL\", interval: ONE_HOUR)", EVERYONE),
            row("Query.newsImpact", "(symbol: \"AAPL\")", EVERYONE),
            row("Query.newsImpactSummary", "(symbol: \"AAPL\")", EVERYONE),
            // a line that is not JSON: the admin gets it back as skipped, nothing is stored
            row("Mutation.importNews", "(input: {source: \"matrix\", jsonLines: \"not json\"})", NOBODY),
            row("Subscription.news", "(symbols: [\"AAPL\"])", EVERYONE),
            row("Query.altSeries", "(series: \"matrix_none\")", EVERYONE),
            row("Query.valueAtRisk", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Query.stressTest", "(accountId: \"" + A + "\", scenario: {marketShock: -0.1})", VIEWERS_OF_A),
            // blank reasons: authorised callers get VALIDATION_INVALID_INPUT, so the matrix never halts the firm
            row("Query.firmTradingState", "", EVERYONE),
            // alerts: refusals by the domain (a kind not evaluated, ids that do not exist) so nothing is created
            row("Query.alerts", "", EVERYONE),
            row("Query.notifications", "(first: 1)", EVERYONE),
            row("Query.webhooks", "", EnumSet.of(Caller.INTEGRATOR)),
            row("Query.webhookDeliveries", "(first: 1)", EnumSet.of(Caller.INTEGRATOR, Caller.COMPLIANCE)),
            row("Mutation.createAlert", "(input: {kind: NEWS_SENTIMENT, symbol: \"AAPL\", level: \"1\"})", EVERYONE),
            row("Mutation.updateAlert", "(input: {id: \"matrix-none\"})", EVERYONE),
            row("Mutation.pauseAlert", "(id: \"matrix-none\")", EVERYONE),
            row("Mutation.resumeAlert", "(id: \"matrix-none\")", EVERYONE),
            row("Mutation.deleteAlert", "(id: \"matrix-none\")", EVERYONE),
            row("Mutation.acknowledgeNotification", "(id: \"matrix-none\")", EVERYONE),
            row("Mutation.registerWebhook", "(input: {url: \"ftp://matrix.invalid/x\"})", EnumSet.of(Caller.INTEGRATOR)),
            row("Mutation.replayDeadLetter", "(deliveryId: \"matrix-none\")", EnumSet.of(Caller.INTEGRATOR)),
            row("Subscription.notifications", "", EVERYONE),
            row("Subscription.riskUpdated", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Query.tearsheet", "(accountId: \"" + A + "\")", VIEWERS_OF_A),
            row("Query.tearsheetDocument", "(accountId: \"" + A + "\", format: CSV)", VIEWERS_OF_A),
            // weights over 1: PORTFOLIO_WEIGHTS_SUM for A's traders, nothing previewed
            row("Query.rebalanceProposal", "(input: {accountId: \"" + A + "\", targets: [{symbol: \"AAPL\", weight: 0.7},"
                    + " {symbol: \"MSFT\", weight: 0.7}]})", TRADERS_OF_A),
            // a leg over the instrument's maximum quantity: PORTFOLIO_BASKET_REJECTED, nothing placed
            row("Mutation.placeBasket", "(input: {accountId: \"" + A + "\", clientBasketId: \"matrix-basket\","
                    + " legs: [{symbol: \"AAPL\", side: BUY, quantity: \"100001\", limitPrice: \"1.00\"}]})", TRADERS_OF_A),
            row("Mutation.haltFirm", "(reason: \" \")", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.resumeFirm", "(reason: \" \")", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.proposeRiskLimits", "(input: {accountId: \"" + B + "\", maxOrderNotional: \"1000000\","
                    + " maxPositionPerInstrument: \"100000\", maxGrossExposure: \"5000000\", maxDailyLoss: \"100000\","
                    + " maxOrdersPerSecond: 5000}, reason: \" \")", EnumSet.of(Caller.RISK_OFFICER)),
            // no such proposal: RISK_PROPOSAL_NOT_FOUND for risk officers
            row("Mutation.approveRiskLimits", "(accountId: \"" + B + "\", proposalId: \"matrix-none\")", EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.rejectRiskLimits", "(accountId: \"" + B + "\", proposalId: \"matrix-none\", reason: \"matrix\")",
                    EnumSet.of(Caller.RISK_OFFICER)),
            row("Mutation.setReduceOnly", "(accountId: \"" + B + "\", reason: \" \")", EnumSet.of(Caller.RISK_OFFICER)),
            // B is not reduce-only: ACCOUNT_NOT_REDUCE_ONLY for risk officers
            row("Mutation.clearReduceOnly", "(accountId: \"" + B + "\")", EnumSet.of(Caller.RISK_OFFICER)),
            // B has no open orders and no positions: nothing is cancelled or placed
            row("Mutation.cancelAllOrders", "(accountId: \"" + B + "\")", EnumSet.of(Caller.TRADER_B, Caller.RISK_OFFICER)),
            row("Mutation.flattenPositions", "(accountId: \"" + B + "\")", EnumSet.of(Caller.TRADER_B, Caller.RISK_OFFICER)),
            row("Query.optimizePortfolio", "(input: {symbols: [\"AAPL\", \"MSFT\"], objective: MIN_VARIANCE})", EVERYONE),
            row("Query.efficientFrontier", "(input: {symbols: [\"AAPL\", \"MSFT\"], objective: MIN_VARIANCE}, points: 3)", EVERYONE),
            // a header without value: the admin gets SERIES_INVALID_INPUT, nothing is stored
            row("Mutation.importSeries", "(input: {source: \"matrix\", csv: \"time,series\"})", NOBODY));

    private static final Set<String> READ = Set.of("read");
    private static final Set<String> TRADE = Set.of("trade");
    private static final Set<String> RISK = Set.of("risk");
    private static final Set<String> AUDIT = Set.of("audit");
    private static final Set<String> ADMIN = Set.of("admin");

    /**
     * Operation → the scopes of which a machine client's token needs one (empty: any token). The
     * scope-limited callers may call an operation when their base caller may and their scopes match.
     */
    static final Map<String, Set<String>> SCOPES = Map.ofEntries(
            Map.entry("Query.me", Set.of()),
            Map.entry("Query.accounts", READ), Map.entry("Query.account", READ), Map.entry("Query.order", READ),
            Map.entry("Query.orders", READ), Map.entry("Query.ordersByClientOrderId", READ), Map.entry("Query.instruments", READ), Map.entry("Query.quote", READ),
            Map.entry("Query.bars", READ), Map.entry("Query.trades", READ), Map.entry("Query.models", READ),
            Map.entry("Query.model", READ), Map.entry("Query.backtest", READ), Map.entry("Query.backtests", READ), Map.entry("Query.predictions", READ),
            Map.entry("Query.strategies", READ),
            Map.entry("Subscription.orderUpdated", READ), Map.entry("Subscription.positionUpdated", READ),
            Map.entry("Subscription.quotes", READ), Map.entry("Subscription.bars", READ),
            Map.entry("Subscription.tradePrints", READ),
            Map.entry("Query.news", READ), Map.entry("Query.sentiment", READ), Map.entry("Query.scoreSentiment", READ), Map.entry("Query.newsImpact", READ), Map.entry("Query.newsImpactSummary", READ),
            Map.entry("Subscription.news", READ), Map.entry("Mutation.importNews", ADMIN),
            Map.entry("Query.altSeries", READ), Map.entry("Mutation.importSeries", ADMIN),
            Map.entry("Query.valueAtRisk", READ), Map.entry("Query.stressTest", READ),
            Map.entry("Query.optimizePortfolio", READ), Map.entry("Query.efficientFrontier", READ),
            Map.entry("Query.firmTradingState", READ),
            Map.entry("Query.alerts", READ), Map.entry("Query.notifications", READ), Map.entry("Query.webhooks", READ),
            Map.entry("Query.webhookDeliveries", READ), Map.entry("Mutation.createAlert", READ),
            Map.entry("Mutation.updateAlert", READ), Map.entry("Mutation.pauseAlert", READ),
            Map.entry("Mutation.resumeAlert", READ), Map.entry("Mutation.deleteAlert", READ),
            Map.entry("Mutation.acknowledgeNotification", READ), Map.entry("Mutation.registerWebhook", READ),
            Map.entry("Mutation.replayDeadLetter", READ), Map.entry("Subscription.notifications", READ), Map.entry("Subscription.riskUpdated", READ), Map.entry("Query.tearsheet", READ),
            Map.entry("Query.tearsheetDocument", READ), Map.entry("Query.rebalanceProposal", TRADE),
            Map.entry("Mutation.placeBasket", TRADE), Map.entry("Mutation.haltFirm", RISK), Map.entry("Mutation.resumeFirm", RISK),
            Map.entry("Mutation.proposeRiskLimits", RISK), Map.entry("Mutation.approveRiskLimits", RISK),
            Map.entry("Mutation.rejectRiskLimits", RISK), Map.entry("Mutation.setReduceOnly", RISK),
            Map.entry("Mutation.clearReduceOnly", RISK), Map.entry("Mutation.cancelAllOrders", Set.of("trade", "risk")),
            Map.entry("Mutation.flattenPositions", Set.of("trade", "risk")),
            Map.entry("Subscription.predictions", READ), Map.entry("Subscription.backtestProgress", READ),
            Map.entry("Mutation.placeOrder", TRADE), Map.entry("Mutation.previewOrder", TRADE),
            Map.entry("Mutation.amendOrder", TRADE), Map.entry("Mutation.cancelOrder", TRADE),
            Map.entry("Mutation.startStrategy", TRADE), Map.entry("Mutation.stopStrategy", Set.of("trade", "risk")),
            Map.entry("Mutation.runBacktest", Set.of("trade", "risk")),
            Map.entry("Mutation.setRiskLimits", RISK), Map.entry("Mutation.haltTrading", RISK),
            Map.entry("Mutation.resumeTrading", RISK), Map.entry("Mutation.promoteModel", RISK),
            Map.entry("Mutation.retireModel", RISK), Map.entry("Mutation.importOnnxModel", RISK), Map.entry("Mutation.trainModel", RISK),
            Map.entry("Query.accessAudit", AUDIT), Map.entry("Query.auditTrail", AUDIT), Map.entry("Query.auditEvents", AUDIT),
            Map.entry("Query.verifyAuditChain", AUDIT), Map.entry("Query.orderAuditReport", AUDIT),
            Map.entry("Query.transactionReport", AUDIT), Map.entry("Query.projectionChecksum", AUDIT),
            Map.entry("Query.users", ADMIN), Map.entry("Query.projectionStatus", ADMIN),
            Map.entry("Mutation.rebuildProjection", ADMIN), Map.entry("Mutation.createIntegratorClient", ADMIN),
            Map.entry("Mutation.grantClientScopes", ADMIN), Map.entry("Mutation.rotateClientSecret", ADMIN),
            Map.entry("Mutation.grantAccountEntitlement", ADMIN), Map.entry("Mutation.revokeAccountEntitlement", ADMIN),
            Map.entry("Mutation.openAccount", ADMIN), Map.entry("Mutation.createUser", ADMIN),
            Map.entry("Mutation.setUserEnabled", ADMIN), Map.entry("Mutation.rotateSigningKey", ADMIN));

    static boolean allowed(String operation, Row row, Caller caller) {
        Limited limited = LIMITED.get(caller);
        if (limited == null) {
            return row.allowed().contains(caller);
        }
        Set<String> needed = SCOPES.get(operation);
        return row.allowed().contains(limited.base())
                && (needed.isEmpty() || needed.stream().anyMatch(limited.scopes()::contains));
    }

    record Row(String arguments, Set<Caller> allowed) {}

    private static Map.Entry<String, Row> row(String operation, String arguments, Set<Caller> allowed) {
        return Map.entry(operation, new Row(arguments, allowed));
    }

    private static RunningPlatform platform;
    private static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private static TypeDefinitionRegistry schema;

    @BeforeAll
    static void callers() throws IOException {
        platform = RunningPlatform.shared();
        schema = schema();
        String admin = platform.userToken("admin");
        String password = "matrix trader b password";
        GraphQlAnswer user = platform.graphql(admin, "mutation { createUser(input: {username: \"matrix-trader-b\", password: \""
                + password + "\", roles: [\"TRADER\"]}) { username } }", null);
        assertThat(user.errors()).as(user.body().toString()).isNull();
        GraphQlAnswer account = platform.graphql(admin, "mutation { openAccount(input: {accountId: \"" + B + "\", name: \"B\","
                + " owner: \"matrix-trader-b\", currency: \"USD\", initialCash: \"100000\"}) { id owner } }", null);
        assertThat(account.errors()).as(account.body().toString()).isNull();
        tokens.put(Caller.TRADER_A, platform.userToken("trader"));
        tokens.put(Caller.TRADER_B, platform.userToken("matrix-trader-b", password));
        tokens.put(Caller.INTEGRATOR, platform.integratorToken());
        tokens.put(Caller.RISK_OFFICER, platform.clientToken("demo-risk", "demo-risk-secret", "read risk"));
        tokens.put(Caller.COMPLIANCE, platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit"));
        LIMITED.forEach((caller, limited) -> tokens.put(caller,
                platform.clientToken(limited.clientId(), limited.secret(), String.join(" ", limited.scopes()))));
        for (int attempt = 0; attempt < 120 && (modelId == null || modelId.isEmpty()); attempt++) {
            modelId = platform.graphql(tokens.get(Caller.INTEGRATOR), "{ models { id } }", null).data()
                    .path("models").path(0).path("id").asText(); // the local seed registers the models at start
            if (modelId.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(modelId).as("the seeded models").isNotEmpty();
        GraphQlAnswer backtest = platform.graphql(tokens.get(Caller.INTEGRATOR), "mutation { runBacktest(input: {model:"
                + " \"momentum\", symbol: \"MSFT\", interval: ONE_DAY, from: \"2001-01-01T00:00:00Z\","
                + " to: \"2001-02-01T00:00:00Z\"}) { id } }", null);
        assertThat(backtest.errors()).as(backtest.body().toString()).isNull();
        backtestId = backtest.data().path("runBacktest").path("id").asText();
    }

    @Test
    void every_operation_of_the_schema_has_a_policy() {
        assertThat(new TreeSet<>(POLICY.keySet()))
                .as("decide who may call each new operation: add it to POLICY")
                .isEqualTo(new TreeSet<>(operations().keySet()));
        assertThat(new TreeSet<>(SCOPES.keySet())).as("and the scope it needs: add it to SCOPES")
                .isEqualTo(new TreeSet<>(operations().keySet()));
    }

    @TestFactory
    Stream<DynamicTest> every_operation_by_every_caller() {
        Map<String, FieldDefinition> operations = operations();
        List<DynamicTest> tests = new ArrayList<>();
        for (var operation : new TreeSet<>(operations.keySet())) {
            Row row = POLICY.get(operation);
            if (row == null) {
                continue; // reported by every_operation_of_the_schema_has_a_policy
            }
            for (Caller caller : Caller.values()) {
                boolean allowed = allowed(operation, row, caller);
                tests.add(DynamicTest.dynamicTest(operation + " by " + caller + (allowed ? " is allowed" : " is refused"),
                        () -> assertThat(isAllowed(operation, operations.get(operation), row, caller))
                                .as(operation + " by " + caller).isEqualTo(allowed)));
            }
        }
        return tests.stream();
    }

    /**
     * An order or strategy of an account the caller cannot see is answered like an unknown id (issue 14,
     * finding 8): for these operations NOT_FOUND is the refusal (cancelOrder/amendOrder by TRADER_B
     * answered PERMISSION_DENIED before, which confirmed the order exists).
     */
    private static final Set<String> UNSEEN_IS_NOT_FOUND = Set.of("Mutation.cancelOrder", "Mutation.amendOrder",
            "Mutation.stopStrategy", "Query.valueAtRisk", "Query.stressTest", "Query.tearsheet", "Query.tearsheetDocument");

    private static boolean isAllowed(String operation, FieldDefinition field, Row row, Caller caller) {
        String kind = operation.substring(0, operation.indexOf('.')).toLowerCase();
        String document = kind + " { " + field.getName() + arguments(row) + selection(field.getType()) + " }";
        String token = tokens.get(caller);
        if (kind.equals("subscription")) {
            return subscriptionAllowed(token, document);
        }
        GraphQlAnswer answer = platform.graphql(token, document, null);
        if (token == null) {
            assertThat(answer.status()).as("anonymous callers get 401").isEqualTo(401);
            return false;
        }
        // 400: refused before execution (no data at all), as the GraphQL-over-HTTP spec has it
        assertThat(answer.status()).isIn(200, 400);
        String code = answer.firstErrorCode();
        if (code != null && (Set.of("PERMISSION_DENIED", "AUTH_MFA_REQUIRED", "AUTH_UNAUTHENTICATED").contains(code)
                || "NOT_FOUND".equals(code) && UNSEEN_IS_NOT_FOUND.contains(operation))) {
            return false;
        }
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("org.mltrading");
        // nullable reads answer null rather than reveal that something exists
        boolean nullable = !(field.getType() instanceof NonNullType);
        return !(nullable && code == null && answer.data().path(field.getName()).isNull());
    }

    private static boolean subscriptionAllowed(String token, String document) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
        try {
            // refusals arrive at once (an error message, a result with errors, or a 4401 close); an allowed
            // stream stays open and may deliver data
            var responses = client.document(document).executeSubscription().take(Duration.ofSeconds(1))
                    .collectList().block(Duration.ofSeconds(15));
            List<String> codes = responses == null ? List.of() : responses.stream()
                    .flatMap(response -> response.getErrors().stream())
                    .map(error -> String.valueOf(error.getExtensions().get("code"))).toList();
            return codes.stream().noneMatch(code -> Set.of("PERMISSION_DENIED", "AUTH_MFA_REQUIRED", "AUTH_UNAUTHENTICATED").contains(code));
        } catch (SubscriptionErrorException e) {
            String code = String.valueOf(e.getErrors().get(0).getExtensions().get("code"));
            assertThat(code).isIn("PERMISSION_DENIED", "AUTH_MFA_REQUIRED", "AUTH_UNAUTHENTICATED");
            return false;
        } catch (RuntimeException e) {
            assertThat(token).as("only an anonymous connection is closed: " + e).isNull();
            return false;
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static String modelId;
    private static String backtestId;

    private static String arguments(Row row) {
        return row.arguments().replace("%MODEL%", modelId).replace("%BACKTEST%", backtestId)
                .replace("%ORDER%", row.arguments().contains("%ORDER%") ? workingOrderOfA() : "")
                .replace("%UNIQUE%", "matrix-" + Long.toHexString(System.nanoTime()))
                .replace("%STRATEGY%", row.arguments().contains("%STRATEGY%") ? strategyOfA() : "");
    }

    private static String strategyOfA;

    /**
     * One strategy of account A, started by the integrator, whose threshold (a 1,000 % log return per
     * bar) no forecast reaches: it never trades. Retried while the seed has not promoted momentum yet.
     */
    private static synchronized String strategyOfA() {
        for (int attempt = 0; strategyOfA == null && attempt < 120; attempt++) {
            GraphQlAnswer started = platform.graphql(tokens.get(Caller.INTEGRATOR), "mutation { startStrategy(input: {"
                    + "accountId: \"" + A + "\", model: \"momentum\", symbol: \"AAPL\", orderQuantity: \"1\","
                    + " maxPosition: \"1\", entryThreshold: 10, reason: \"authorization matrix\"}) { id } }", null);
            if (started.errors() == null) {
                strategyOfA = started.data().path("startStrategy").path("id").asText();
            } else {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(strategyOfA).as("a strategy of account A").isNotNull();
        return strategyOfA;
    }

    /** A fresh far-away limit order of account A, placed by the integrator. */
    private static String workingOrderOfA() {
        GraphQlAnswer placed = platform.graphql(tokens.get(Caller.INTEGRATOR), "mutation { placeOrder(input: {accountId: \""
                + A + "\", clientOrderId: \"matrix-order-" + System.nanoTime() + "\", symbol: \"AAPL\", side: BUY, type: LIMIT,"
                + " quantity: \"1\", limitPrice: \"1.00\", timeInForce: GTC}) { id } }", null);
        return placed.data().path("placeOrder").path("id").asText();
    }

    /** {@code { __typename }} for object results; nothing for scalars and enums. */
    private static String selection(Type<?> type) {
        Type<?> named = type;
        while (!(named instanceof TypeName)) {
            named = named instanceof NonNullType nonNull ? nonNull.getType() : ((ListType) named).getType();
        }
        String name = ((TypeName) named).getName();
        return schema.getType(name).filter(definition -> definition instanceof ObjectTypeDefinition).isPresent()
                ? " { __typename }" : "";
    }

    private static Map<String, FieldDefinition> operations() {
        Map<String, FieldDefinition> operations = new java.util.HashMap<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            Stream.concat(schema.getType(root, ObjectTypeDefinition.class).stream(),
                            schema.objectTypeExtensions().getOrDefault(root, List.of()).stream())
                    .flatMap(type -> type.getFieldDefinitions().stream())
                    .forEach(field -> operations.put(root + "." + field.getName(), field));
        }
        return operations;
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:schema/**/*.graphql*")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        return registry;
    }
}
