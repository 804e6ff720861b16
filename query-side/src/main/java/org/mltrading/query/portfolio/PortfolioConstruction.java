package org.mltrading.query.portfolio;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.model.LatestPredictions;
import org.springframework.stereotype.Service;

/**
 * From a caller's request to a {@link PortfolioOptimizer} programme and back: validates the request (every
 * refusal a PORTFOLIO_* code with its reason), reads the aligned returns of the window, estimates the
 * covariance (Ledoit-Wolf unless told otherwise) and the expected returns (the window's mean, or the live
 * models' latest forecasts), annualises both by the bar times observed per year, and reports the weights
 * with their risk contributions and every volatility on that same covariance (so a minimum-variance answer is
 * never riskier than any of its instruments as shown, and risk parity's contributions are equal as shown).
 */
@Service
public class PortfolioConstruction {

    static final int MIN_RETURNS = 20;
    static final int MAX_SYMBOLS = 200;
    static final long MAX_BARS = 100_000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(5);
    /** A forecast older than this is not a view of the market now. */
    static final Duration PREDICTION_MAX_AGE = Duration.ofDays(1);

    public enum Objective { MIN_VARIANCE, MEAN_VARIANCE, MAX_SHARPE, RISK_PARITY, EQUAL_WEIGHT }

    /** A named instrument's weight bounds; null = none. */
    public record Bound(Double min, Double max) {
    }

    public record Request(List<String> symbols, Objective objective, BarInterval interval, Instant from, Instant to,
                          boolean longOnly, Double minWeight, Double maxWeight, Map<String, Bound> bounds,
                          double cashBuffer, Double netExposure, Double maxGrossExposure, Double maxTurnover,
                          AccountView account, Double targetReturn, Double riskAversion, double riskFreeRate,
                          boolean fromPredictions, boolean shrinkage) {
    }

    /** One instrument's line of an answer. */
    public record Line(String symbol, double weight, double riskContribution, double expectedReturn,
                       double volatility, double currentWeight) {
    }

    public record Portfolio(List<Line> lines, Double expectedReturn, double volatility, Double sharpeRatio) {
    }

    public record Optimization(Objective objective, Portfolio portfolio, double equalWeightVolatility,
                               double shrinkage, boolean fromPredictions, BarInterval interval, Instant from,
                               Instant to, int observations, double periodsPerYear, Double turnover) {
    }

    public record Frontier(BarInterval interval, int observations, List<Portfolio> points) {
    }

    /** The inputs of a programme, estimated from the window. */
    private record Estimates(List<String> symbols, double[][] covariance, double[] expected,
                             double shrinkage, double periodsPerYear, int observations, double[] current,
                             PortfolioOptimizer.Constraints constraints, Instant from, Instant to) {
    }

    private final ReturnHistory history;
    private final InstrumentCatalog instruments;
    private final LatestPredictions predictions;

    PortfolioConstruction(ReturnHistory history, InstrumentCatalog instruments, LatestPredictions predictions) {
        this.history = history;
        this.instruments = instruments;
        this.predictions = predictions;
    }

    public Optimization optimize(Request request, Instant now) throws SQLException {
        Estimates estimates = estimate(request, now);
        int n = estimates.symbols().size();
        double net = net(request);
        double[] weights;
        try {
            PortfolioOptimizer optimizer = new PortfolioOptimizer(estimates.covariance(), estimates.expected(),
                    estimates.constraints());
            weights = switch (request.objective()) {
                case MIN_VARIANCE -> optimizer.minimumVariance();
                case MEAN_VARIANCE -> request.targetReturn() != null ? optimizer.targetReturn(request.targetReturn())
                        : optimizer.meanVariance(request.riskAversion() == null ? 1 : request.riskAversion());
                case MAX_SHARPE -> optimizer.maximumSharpe(request.riskFreeRate());
                case RISK_PARITY -> PortfolioOptimizer.riskParity(estimates.covariance(), net);
                case EQUAL_WEIGHT -> PortfolioOptimizer.equalWeight(n, net);
            };
        } catch (PortfolioOptimizer.Infeasible e) {
            throw new ApiException("PORTFOLIO_INFEASIBLE", e.getMessage());
        }
        Double turnover = null;
        if (request.account() != null) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.abs(weights[i] - estimates.current()[i]);
            }
            turnover = sum;
        }
        double equalWeight = Math.sqrt(PortfolioOptimizer.variance(PortfolioOptimizer.equalWeight(n, net), estimates.covariance()));
        return new Optimization(request.objective(), portfolio(estimates, weights, request.riskFreeRate()), equalWeight,
                estimates.shrinkage(), request.fromPredictions(), request.interval(), estimates.from(), estimates.to(),
                estimates.observations(), estimates.periodsPerYear(), turnover);
    }

    public Frontier frontier(Request request, int points, Instant now) throws SQLException {
        Estimates estimates = estimate(request, now);
        try {
            List<double[]> frontier = new PortfolioOptimizer(estimates.covariance(), estimates.expected(),
                    estimates.constraints()).frontier(points);
            return new Frontier(request.interval(), estimates.observations(),
                    frontier.stream().map(weights -> portfolio(estimates, weights, request.riskFreeRate())).toList());
        } catch (PortfolioOptimizer.Infeasible e) {
            throw new ApiException("PORTFOLIO_INFEASIBLE", e.getMessage());
        }
    }

    private Portfolio portfolio(Estimates estimates, double[] weights, double riskFreeRate) {
        double[] contributions = PortfolioOptimizer.riskContributions(weights, estimates.covariance());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            lines.add(new Line(estimates.symbols().get(i), clean(weights[i]), contributions[i], estimates.expected()[i],
                    Math.sqrt(estimates.covariance()[i][i]), estimates.current()[i]));
        }
        double volatility = Math.sqrt(PortfolioOptimizer.variance(weights, estimates.covariance()));
        double expectedReturn = PortfolioOptimizer.dot(weights, estimates.expected());
        Double sharpe = volatility > 0 ? (expectedReturn - riskFreeRate) / volatility : null;
        return new Portfolio(lines, expectedReturn, volatility, sharpe);
    }

    /** A solver's ±1e-12 around a bound is that bound. */
    private static double clean(double weight) {
        return Math.abs(weight) < 1e-10 ? 0 : weight;
    }

    private static double net(Request request) {
        return request.netExposure() != null ? request.netExposure() : 1 - request.cashBuffer();
    }

    private Estimates estimate(Request request, Instant now) throws SQLException {
        List<String> symbols = symbols(request.symbols());
        validate(request);
        Instant to = request.to() == null ? now : request.to();
        Instant from = request.from() == null ? to.minus(DEFAULT_WINDOW) : request.from();
        if (!from.isBefore(to)) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "from must be before to");
        }
        long bars = Duration.between(from, to).dividedBy(request.interval().length());
        if (bars > MAX_BARS) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "the window holds " + bars + " " + request.interval()
                    + " bars; at most " + MAX_BARS + ": shorten it or take a longer interval");
        }
        ReturnHistory.Series series = history.load(symbols, request.interval(), from, to);
        int observations = series.returns().length;
        if (observations < MIN_RETURNS) {
            throw new ApiException("PORTFOLIO_TOO_LITTLE_HISTORY", symbols + " share " + observations + " "
                    + request.interval() + " returns between " + from + " and " + to + "; at least " + MIN_RETURNS
                    + " are needed (import history, or widen the window)");
        }
        double perYear = series.periodsPerYear();
        Covariances.Estimate sample = Covariances.sample(series.returns());
        for (int i = 0; i < symbols.size(); i++) {
            if (!(sample.covariance()[i][i] > 0)) {
                throw new ApiException("PORTFOLIO_INVALID_COVARIANCE", symbols.get(i) + " did not move in the window:"
                        + " its variance is zero");
            }
        }
        Covariances.Estimate estimate = request.shrinkage() ? Covariances.ledoitWolf(series.returns()) : sample;
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(estimate.covariance()));
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            throw new ApiException("PORTFOLIO_INVALID_COVARIANCE", "the sample covariance of " + symbols + " is singular"
                    + " (instruments that move together exactly, or fewer returns than instruments): keep shrinkage on");
        }
        double[] expected = request.fromPredictions()
                ? forecasts(symbols, request.interval(), perYear, now)
                : Arrays.stream(Covariances.means(series.returns())).map(mean -> mean * perYear).toArray();
        double[] current = new double[symbols.size()];
        if (request.account() != null) {
            current = currentWeights(request.account(), symbols, series.lastCloses());
        }
        return new Estimates(symbols, scale(estimate.covariance(), perYear), expected,
                estimate.shrinkage(), perYear, observations, current, constraints(request, symbols, current),
                from, to);
    }

    private List<String> symbols(List<String> requested) {
        if (requested == null || requested.size() < 2 || requested.size() > MAX_SYMBOLS) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "name between 2 and " + MAX_SYMBOLS + " instruments");
        }
        List<String> symbols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : requested) {
            String symbol = raw.strip().toUpperCase(Locale.ROOT);
            if (!seen.add(symbol)) {
                throw new ApiException("PORTFOLIO_INVALID_INPUT", symbol + " is named twice");
            }
            if (instruments.find(symbol).isEmpty()) {
                throw new ApiException("PORTFOLIO_UNKNOWN_INSTRUMENT", "no instrument " + symbol);
            }
            symbols.add(symbol);
        }
        return symbols;
    }

    private static void validate(Request request) {
        boolean riskParity = request.objective() == Objective.RISK_PARITY;
        boolean equal = request.objective() == Objective.EQUAL_WEIGHT;
        if (!(request.cashBuffer() >= 0 && request.cashBuffer() <= 0.99)) {
            throw invalid("cashBuffer must be between 0 and 0.99");
        }
        if (request.longOnly() && (request.netExposure() != null || request.maxGrossExposure() != null)) {
            throw invalid("netExposure and maxGrossExposure apply to long-short portfolios (longOnly: false);"
                    + " a long-only one is invested 1 - cashBuffer");
        }
        if (request.maxGrossExposure() != null && !(request.maxGrossExposure() > 0)) {
            throw invalid("maxGrossExposure must be positive");
        }
        if (request.netExposure() != null && request.maxGrossExposure() != null
                && Math.abs(request.netExposure()) > request.maxGrossExposure()) {
            throw new ApiException("PORTFOLIO_INFEASIBLE", "a net exposure of " + request.netExposure()
                    + " cannot fit in a gross exposure of " + request.maxGrossExposure());
        }
        if (request.maxTurnover() != null) {
            if (!(request.maxTurnover() >= 0)) {
                throw invalid("maxTurnover must be at least 0");
            }
            if (request.account() == null) {
                throw invalid("maxTurnover needs accountId: turnover is measured against an account's holdings");
            }
        }
        if (request.minWeight() != null && request.maxWeight() != null && request.minWeight() > request.maxWeight()) {
            throw invalid("minWeight exceeds maxWeight");
        }
        if (request.longOnly() && request.minWeight() != null && request.minWeight() < 0) {
            throw invalid("a long-only portfolio has no negative weights: minWeight must be at least 0");
        }
        if ((request.targetReturn() != null || request.riskAversion() != null) && request.objective() != Objective.MEAN_VARIANCE) {
            throw invalid("targetReturn and riskAversion belong to MEAN_VARIANCE");
        }
        if (request.riskAversion() != null && !(request.riskAversion() > 0)) {
            throw invalid("riskAversion must be positive");
        }
        boolean constrained = request.minWeight() != null || request.maxWeight() != null
                || (request.bounds() != null && !request.bounds().isEmpty()) || request.maxTurnover() != null
                || request.netExposure() != null || request.maxGrossExposure() != null;
        if ((riskParity || equal) && (constrained || !request.longOnly())) {
            throw invalid(request.objective() + " is long-only and fully invested (less cashBuffer): it takes no"
                    + " weight bounds, exposure or turnover limits");
        }
    }

    private static PortfolioOptimizer.Constraints constraints(Request request, List<String> symbols, double[] current) {
        int n = symbols.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            double min = request.minWeight() != null ? request.minWeight() : request.longOnly() ? 0 : Double.NEGATIVE_INFINITY;
            double max = request.maxWeight() != null ? request.maxWeight() : Double.POSITIVE_INFINITY;
            Bound bound = request.bounds() == null ? null : request.bounds().get(symbols.get(i));
            if (bound != null) {
                min = bound.min() != null ? bound.min() : min;
                max = bound.max() != null ? bound.max() : max;
            }
            if (request.longOnly() && min < 0) {
                throw invalid("a long-only portfolio has no negative weights: the minimum of " + symbols.get(i)
                        + " must be at least 0");
            }
            if (min > max) {
                throw invalid("the minimum weight of " + symbols.get(i) + " exceeds its maximum");
            }
            lower[i] = min;
            upper[i] = max;
        }
        if (request.bounds() != null) {
            for (String named : request.bounds().keySet()) {
                if (!symbols.contains(named)) {
                    throw invalid("a bound names " + named + ", which is not among the symbols");
                }
            }
        }
        return new PortfolioOptimizer.Constraints(request.longOnly(), lower, upper, net(request),
                request.maxGrossExposure(), current, request.maxTurnover());
    }

    /** Each symbol's forecast log return per bar, as an annualised simple return of the window's bars. */
    private double[] forecasts(List<String> symbols, BarInterval interval, double perYear, Instant now) throws SQLException {
        double[] expected = new double[symbols.size()];
        for (int i = 0; i < symbols.size(); i++) {
            Optional<LatestPredictions.Forecast> forecast = predictions.latest(symbols.get(i), now, PREDICTION_MAX_AGE);
            if (forecast.isEmpty()) {
                throw new ApiException("PORTFOLIO_NO_PREDICTIONS", "no live model predicted " + symbols.get(i)
                        + " in the last " + PREDICTION_MAX_AGE.toHours() + " hours: use expectedReturns: HISTORY");
            }
            double bars = (double) interval.length().toMillis() / forecast.get().interval().length().toMillis();
            expected[i] = Math.expm1(forecast.get().logReturn() * bars) * perYear;
        }
        return expected;
    }

    /**
     * Each symbol's position value over the account's equity (cash plus every position, the named symbols at
     * the window's last close, others at their average price: no mark of theirs is read here).
     */
    private static double[] currentWeights(AccountView account, List<String> symbols, double[] lastCloses) {
        Map<String, AccountView.PositionView> positions = account.positions() == null ? Map.of() : account.positions();
        double equity = account.cash() == null ? 0 : account.cash().doubleValue();
        double[] values = new double[symbols.size()];
        for (AccountView.PositionView position : positions.values()) {
            int index = symbols.indexOf(position.symbol());
            BigDecimal price = index >= 0 ? BigDecimal.valueOf(lastCloses[index]) : position.averagePrice();
            double value = position.quantity().multiply(price == null ? BigDecimal.ZERO : price).doubleValue();
            equity += value;
            if (index >= 0) {
                values[index] = value;
            }
        }
        if (!(equity > 0)) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "account " + account.id() + " has no positive equity to weigh");
        }
        double[] weights = new double[symbols.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = values[i] / equity;
        }
        return weights;
    }

    private static double[][] scale(double[][] matrix, double factor) {
        double[][] scaled = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            scaled[i] = Arrays.stream(matrix[i]).map(value -> value * factor).toArray();
        }
        return scaled;
    }

    private static ApiException invalid(String message) {
        return new ApiException("PORTFOLIO_INVALID_INPUT", message);
    }
}
