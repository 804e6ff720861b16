package org.mltrading.query.portfolio;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mltrading.graphql.types.EfficientFrontier;
import org.mltrading.graphql.types.ExpectedReturnSource;
import org.mltrading.graphql.types.FrontierPoint;
import org.mltrading.graphql.types.OptimizePortfolioInput;
import org.mltrading.graphql.types.PortfolioObjective;
import org.mltrading.graphql.types.PortfolioOptimization;
import org.mltrading.graphql.types.PortfolioWeight;
import org.mltrading.graphql.types.WeightBoundInput;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.security.ApiPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@code optimizePortfolio} and {@code efficientFrontier}: market data only, so any authenticated user; an
 * accountId (for turnover against its holdings) must be one the caller may view.
 */
@DgsComponent
class OptimizationDataFetcher {

    private static final Logger log = LoggerFactory.getLogger(OptimizationDataFetcher.class);
    static final int MAX_FRONTIER_POINTS = 50;

    private final PortfolioConstruction construction;
    private final AccountDirectory accounts;

    OptimizationDataFetcher(PortfolioConstruction construction, AccountDirectory accounts) {
        this.construction = construction;
        this.accounts = accounts;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    PortfolioOptimization optimizePortfolio(@InputArgument OptimizePortfolioInput input) {
        PortfolioConstruction.Optimization result;
        try {
            result = construction.optimize(request(input), Instant.now());
        } catch (SQLException e) {
            log.warn("optimisation not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
        PortfolioConstruction.Portfolio portfolio = result.portfolio();
        return PortfolioOptimization.newBuilder()
                .objective(PortfolioObjective.valueOf(result.objective().name()))
                .weights(weights(portfolio))
                .expectedReturn(portfolio.expectedReturn()).volatility(portfolio.volatility())
                .sharpeRatio(portfolio.sharpeRatio()).equalWeightVolatility(result.equalWeightVolatility())
                .shrinkage(result.shrinkage())
                .expectedReturnSource(result.fromPredictions() ? ExpectedReturnSource.PREDICTIONS : ExpectedReturnSource.HISTORY)
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(result.interval().name()))
                .from(result.from().atOffset(ZoneOffset.UTC)).to(result.to().atOffset(ZoneOffset.UTC))
                .observations(result.observations()).periodsPerYear(result.periodsPerYear())
                .turnover(result.turnover()).build();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    EfficientFrontier efficientFrontier(@InputArgument OptimizePortfolioInput input, @InputArgument Integer points) {
        int count = points == null ? 20 : points;
        if (count < 2 || count > MAX_FRONTIER_POINTS) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "points must be between 2 and " + MAX_FRONTIER_POINTS);
        }
        PortfolioConstruction.Frontier frontier;
        try {
            frontier = construction.frontier(request(input), count, Instant.now());
        } catch (SQLException e) {
            log.warn("frontier not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
        return EfficientFrontier.newBuilder()
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(frontier.interval().name()))
                .observations(frontier.observations())
                .points(frontier.points().stream().map(point -> FrontierPoint.newBuilder()
                        .expectedReturn(point.expectedReturn()).volatility(point.volatility())
                        .sharpeRatio(point.sharpeRatio() == null ? 0 : point.sharpeRatio())
                        .weights(weights(point)).build()).toList())
                .build();
    }

    private static List<PortfolioWeight> weights(PortfolioConstruction.Portfolio portfolio) {
        return portfolio.lines().stream().map(line -> PortfolioWeight.newBuilder().symbol(line.symbol())
                .weight(line.weight()).riskContribution(line.riskContribution())
                .expectedReturn(line.expectedReturn()).volatility(line.volatility())
                .currentWeight(line.currentWeight()).build()).toList();
    }

    private PortfolioConstruction.Request request(OptimizePortfolioInput input) {
        AccountView account = null;
        if (input.getAccountId() != null) {
            ApiPrincipal principal = ApiPrincipal.current();
            account = accounts.find(input.getAccountId()).filter(view -> accounts.canView(principal, view))
                    .orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no account " + input.getAccountId()
                            + " you may view"));
        }
        Map<String, PortfolioConstruction.Bound> bounds = new LinkedHashMap<>();
        if (input.getBounds() != null) {
            for (WeightBoundInput bound : input.getBounds()) {
                String symbol = bound.getSymbol().strip().toUpperCase(Locale.ROOT);
                if (bounds.put(symbol, new PortfolioConstruction.Bound(finite(bound.getMin(), "min"),
                        finite(bound.getMax(), "max"))) != null) {
                    throw new ApiException("PORTFOLIO_INVALID_INPUT", "two bounds name " + symbol);
                }
            }
        }
        return new PortfolioConstruction.Request(input.getSymbols(),
                PortfolioConstruction.Objective.valueOf(input.getObjective().name()),
                input.getInterval() == null ? BarInterval.ONE_MINUTE : BarInterval.valueOf(input.getInterval().name()),
                instant(input.getFrom()), instant(input.getTo()),
                input.getLongOnly() == null || input.getLongOnly(),
                finite(input.getMinWeight(), "minWeight"), finite(input.getMaxWeight(), "maxWeight"), bounds,
                input.getCashBuffer() == null ? 0 : finite(input.getCashBuffer(), "cashBuffer"),
                finite(input.getNetExposure(), "netExposure"), finite(input.getMaxGrossExposure(), "maxGrossExposure"),
                finite(input.getMaxTurnover(), "maxTurnover"), account,
                finite(input.getTargetReturn(), "targetReturn"), finite(input.getRiskAversion(), "riskAversion"),
                input.getRiskFreeRate() == null ? 0 : finite(input.getRiskFreeRate(), "riskFreeRate"),
                input.getExpectedReturns() == ExpectedReturnSource.PREDICTIONS,
                input.getShrinkage() == null || input.getShrinkage());
    }

    private static Double finite(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", name + " must be a finite number");
        }
        return value;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
