package org.mltrading.ui.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The model registry's and the backtester's GraphQL calls, made with the logged-in user's token. */
@Component
public class ModelClient {

    static final String VERSION_FIELDS = "version status features registeredAt promotedAt retiredAt retiredReason "
            + "validation { backtestId passed failures validatedAt metrics { " + metricsFields() + " } } "
            + "liveScore { scored hitRate coverage80 coverage95 }";
    static final String MODEL_FIELDS = "id name kind status productionVersion versions { " + VERSION_FIELDS + " }";
    static final String MODELS_QUERY = "query Models { models { " + MODEL_FIELDS + " } }";
    static final String PROMOTE = "mutation Promote($input: ModelVersionInput!) { promoteModel(input: $input) { "
            + MODEL_FIELDS + " } }";
    static final String RETIRE = "mutation Retire($input: RetireModelInput!) { retireModel(input: $input) { "
            + MODEL_FIELDS + " } }";
    static final String BACKTEST_FIELDS = "id status reason model version symbol interval from to barsProcessed "
            + "barsTotal progress metrics { " + metricsFields() + " } equity { time equity }";
    static final String RUN_BACKTEST = "mutation RunBacktest($input: RunBacktestInput!) { runBacktest(input: $input) { "
            + BACKTEST_FIELDS + " } }";
    /** The list leaves the equity curve out: a row is opened with {@link #backtest(String)}. */
    static final String BACKTESTS_QUERY = "query Backtests($first: Int) { backtests(first: $first) { edges { node { "
            + "id status reason model version symbol interval from to barsProcessed barsTotal progress metrics { "
            + metricsFields() + " } } } } }";
    /** Past runs listed on the page. */
    static final int PAST_RUNS = 20;
    static final String BACKTEST_QUERY = "query Backtest($id: ID!) { backtest(id: $id) { " + BACKTEST_FIELDS + " } }";
    static final String BACKTEST_PROGRESS = "subscription BacktestProgress($id: ID!) { backtestProgress(id: $id) { "
            + BACKTEST_FIELDS + " } }";
    static final String PREDICTION_FIELDS = "symbol modelVersion interval value lower upper barTime";
    static final String PREDICTIONS_QUERY = "query Predictions($symbol: String!, $from: DateTime) { "
            + "predictions(symbol: $symbol, from: $from) { " + PREDICTION_FIELDS + " } }";
    static final String PREDICTIONS_SUBSCRIPTION = "subscription LivePredictions($symbols: [String!]!) { "
            + "predictions(symbols: $symbols) { " + PREDICTION_FIELDS + " } }";

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public ModelClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    private static String metricsFields() {
        return "totalReturn sharpe sortino maxDrawdown trades winRate turnover benchmarkReturn bars";
    }

    public List<ModelInfo> models() {
        return graphQl.queryList(token(), MODELS_QUERY, Map.of(), "models", ModelInfo.class);
    }

    public ModelInfo promote(String model, int version) {
        return graphQl.query(token(), PROMOTE, Map.of("input", Map.of("model", model, "version", version)),
                "promoteModel", ModelInfo.class);
    }

    public ModelInfo retire(String model, int version, String reason) {
        return graphQl.query(token(), RETIRE,
                Map.of("input", Map.of("model", model, "version", version, "reason", reason)),
                "retireModel", ModelInfo.class);
    }

    public BacktestRun runBacktest(BacktestRequest request) {
        Map<String, Object> input = new HashMap<>();
        input.put("model", request.model());
        input.put("symbol", request.symbol());
        input.put("interval", request.interval());
        input.put("from", request.from().toString());
        input.put("to", request.to().toString());
        return graphQl.query(token(), RUN_BACKTEST, Map.of("input", input), "runBacktest", BacktestRun.class);
    }

    /** The newest backtests (without their equity curves), newest request first. */
    public List<BacktestRun> backtests() {
        return graphQl.queryList(token(), BACKTESTS_QUERY, Map.of("first", PAST_RUNS), "backtests.edges",
                BacktestEdge.class).stream().map(BacktestEdge::node).toList();
    }

    record BacktestEdge(BacktestRun node) {
    }

    public BacktestRun backtest(String id) {
        return graphQl.query(token(), BACKTEST_QUERY, Map.of("id", id), "backtest", BacktestRun.class);
    }

    /** Every change of the backtest until it completes or fails, over its own WebSocket connection. */
    public Flux<BacktestRun> progress(String id) {
        Authentication user = AccessTokens.currentUser();
        return graphQl.subscribe(() -> tokens.accessToken(user), BACKTEST_PROGRESS, Map.of("id", id),
                "backtestProgress", BacktestRun.class);
    }

    /** Stored predictions of the symbol made since {@code from}, ascending. */
    public List<PredictionPoint> predictions(String symbol, Instant from) {
        return graphQl.queryList(token(), PREDICTIONS_QUERY, Map.of("symbol", symbol, "from", from.toString()),
                "predictions", PredictionPoint.class);
    }

    /** Live predictions of the symbol over the view's shared connection. */
    public Flux<PredictionPoint> livePredictions(SubscriptionChannel channel, String symbol) {
        return channel.subscribe(PREDICTIONS_SUBSCRIPTION, Map.of("symbols", List.of(symbol)), "predictions",
                PredictionPoint.class);
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
