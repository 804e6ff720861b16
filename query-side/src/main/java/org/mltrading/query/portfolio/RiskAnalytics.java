package org.mltrading.query.portfolio;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.account.AccountView;
import org.springframework.stereotype.Service;

/**
 * Value at risk of an account's or the firm's positions (netted by instrument), from the stored bars:
 * the longest of daily (last year), hourly (last 30 days) and one-minute (last 2 days) returns of which the
 * instruments share at least {@value #MIN_RETURNS} (the local simulator's history is days of one-minute
 * bars, and its markets trade around the clock: a day is 24 hours or 1,440 minutes). The horizon in those
 * periods is P = days × periods per day: PARAMETRIC and MONTE_CARLO take P-period normal moments;
 * HISTORICAL takes overlapping P-period windows when there are at least {@value #MIN_RETURNS} of them,
 * else the one-period scenarios scaled by √P (square-root-of-time, said in the answer). Exposures are the
 * positions valued at the last close. Monte Carlo is seeded ({@value #SEED}) with {@value #PATHS} paths.
 */
@Service
public class RiskAnalytics {

    static final int MIN_RETURNS = 60;
    static final int PATHS = 100_000;
    static final long SEED = 42;

    /** The answer: the figures and what they were computed from. */
    public record Report(ValueAtRisk.Result result, BarInterval interval, int periodsPerDay, String horizonScaling,
                         List<String> symbols, Instant asOf, List<ValueAtRisk.Contribution> contributions) {

        Report(ValueAtRisk.Result result, BarInterval interval, int periodsPerDay, String horizonScaling,
               List<String> symbols, Instant asOf) {
            this(result, interval, periodsPerDay, horizonScaling, symbols, asOf, List.of());
        }
    }

    /** Why no figure can be given (coded PORTFOLIO_… at the edge). */
    public static final class NotComputable extends RuntimeException {
        private final String code;

        NotComputable(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final ReturnHistory history;
    private final Clock clock = Clock.systemUTC();

    RiskAnalytics(ReturnHistory history) {
        this.history = history;
    }

    public Report valueAtRisk(List<AccountView> accounts, int horizonDays, ValueAtRisk.Method method) throws SQLException {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (AccountView account : accounts) {
            if (account.positions() == null) {
                continue;
            }
            account.positions().values().forEach(position ->
                    quantities.merge(position.symbol(), position.quantity(), BigDecimal::add));
        }
        quantities.values().removeIf(quantity -> quantity.signum() == 0);
        Instant now = clock.instant();
        if (quantities.isEmpty()) {
            return new Report(new ValueAtRisk.Result(method, 0, 0, 0, 0, 0), BarInterval.ONE_DAY, 1, "NONE", List.of(), now);
        }
        List<String> symbols = new ArrayList<>(quantities.keySet());
        ReturnHistory.Series series = null;
        int perDay = 0;
        for (ReturnSource source : SOURCES) {
            ReturnHistory.Series candidate = history.load(symbols, source.interval(), now.minus(source.lookback()), now);
            if (candidate.returns().length >= MIN_RETURNS) {
                series = candidate;
                perDay = source.periodsPerDay();
                break;
            }
        }
        if (series == null) {
            throw new NotComputable("PORTFOLIO_TOO_LITTLE_HISTORY", "the instruments " + symbols + " share fewer than "
                    + MIN_RETURNS + " daily, hourly or one-minute returns; import history first");
        }
        double[] exposures = new double[series.symbols().size()];
        for (int i = 0; i < exposures.length; i++) {
            exposures[i] = quantities.get(series.symbols().get(i)).doubleValue() * series.lastCloses()[i];
        }
        int periods = horizonDays * perDay;
        try {
            if (method == ValueAtRisk.Method.HISTORICAL && series.returns().length - periods + 1 < MIN_RETURNS) {
                ValueAtRisk.Result one = ValueAtRisk.of(method, exposures, series.returns(), 1, PATHS, SEED);
                double scale = Math.sqrt(periods);
                return new Report(new ValueAtRisk.Result(method, one.var95() * scale, one.var99() * scale,
                        one.cvar95() * scale, one.cvar99() * scale, one.observations()), series.interval(), perDay,
                        periods == 1 ? "NONE" : "SQUARE_ROOT_OF_TIME", series.symbols(), now,
                        ValueAtRisk.contributions(exposures, series.returns(), periods));
            }
            String scaling = periods == 1 ? "NONE" : method == ValueAtRisk.Method.HISTORICAL ? "OVERLAPPING_WINDOWS" : "IID_NORMAL";
            return new Report(ValueAtRisk.of(method, exposures, series.returns(), periods, PATHS, SEED),
                    series.interval(), perDay, scaling, series.symbols(), now,
                    ValueAtRisk.contributions(exposures, series.returns(), periods));
        } catch (IllegalArgumentException e) {
            throw new NotComputable("PORTFOLIO_INVALID_COVARIANCE", e.getMessage());
        }
    }

    /** Returns of bars of {@code interval} over {@code lookback}; a day holds {@code periodsPerDay} of them. */
    private record ReturnSource(BarInterval interval, int periodsPerDay, Duration lookback) {
    }

    private static final List<ReturnSource> SOURCES = List.of(
            new ReturnSource(BarInterval.ONE_DAY, 1, Duration.ofDays(366)),
            new ReturnSource(BarInterval.ONE_HOUR, 24, Duration.ofDays(30)),
            new ReturnSource(BarInterval.ONE_MINUTE, 1_440, Duration.ofDays(2)));
}
