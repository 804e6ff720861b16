package org.mltrading.query.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A short-horizon event study on bars (MacKinlay 1997): for an event at time t, bar 0 is the last bar
 * closed at or before t; the window [a, b] runs from bar a's close to bar b's close; the raw return is
 * the simple return close(b)/close(a) − 1; the abnormal return is the sum over the window's bars of the
 * bar's simple return minus its expected return — from a market model (OLS of the instrument's returns
 * on the benchmark's over the estimation window) when benchmark closes exist for every bar, else the
 * estimation window's mean (mean-adjusted). The estimation window is up to {@code maxEstimation} bar
 * returns ending at bar −1's close (before the earliest window can start), at least {@code minEstimation}.
 * t-statistic: abnormal return / (σ × √(b − a)), σ the estimation residuals' standard deviation.
 * Abnormal volume: the window's mean bar volume over the estimation window's, minus 1. Pure arithmetic
 * on doubles (the figures are statistics, not money).
 */
public final class EventStudy {

    /** A closed bar: when it closed, its close and its volume. */
    public record ClosedBar(Instant closedAt, double close, double volume) {
    }

    /** An event window in bars relative to bar 0, e.g. [0, +1]. */
    public record Window(int from, int to) {
        public Window {
            if (to <= from) {
                throw new IllegalArgumentException("a window must end after it starts");
            }
        }

        public String label() {
            return "[" + signed(from) + "," + signed(to) + "]";
        }

        private static String signed(int bar) {
            return bar > 0 ? "+" + bar : Integer.toString(bar);
        }
    }

    public enum ExpectedReturnModel { MARKET_MODEL, MEAN_ADJUSTED }

    public record Result(Window window, Instant windowStart, Instant windowEnd, double rawReturn,
                         double abnormalReturn, ExpectedReturnModel model, Double tStatistic,
                         Double abnormalVolume, int estimationBars) {
    }

    public static final List<Window> STANDARD_WINDOWS = List.of(new Window(0, 1), new Window(-1, 5));

    private final int maxEstimation;
    private final int minEstimation;

    public EventStudy(int maxEstimation, int minEstimation) {
        this.maxEstimation = maxEstimation;
        this.minEstimation = minEstimation;
    }

    /** Index of bar 0 in ascending bars, or −1 when no bar closed at or before the event. */
    public static int barZero(List<ClosedBar> bars, Instant event) {
        int zero = -1;
        for (int i = 0; i < bars.size() && !bars.get(i).closedAt().isAfter(event); i++) {
            zero = i;
        }
        return zero;
    }

    /** True when the bars allow at least the first window with enough estimation returns. */
    public boolean covers(List<ClosedBar> bars, Instant event) {
        int zero = barZero(bars, event);
        return zero >= 0 && zero - 1 >= minEstimation && zero + STANDARD_WINDOWS.get(0).to() < bars.size();
    }

    /**
     * The windows the bars cover completely (a window whose last bar has not closed yet is left out).
     * {@code benchmark} may be empty: mean-adjusted then.
     */
    public List<Result> study(List<ClosedBar> bars, List<ClosedBar> benchmark, Instant event, List<Window> windows) {
        int zero = barZero(bars, event);
        List<Result> results = new ArrayList<>();
        if (zero < 0) {
            return results;
        }
        // estimation: returns r[k] = close[k]/close[k-1] − 1 for k in [zero − maxEstimation, zero − 1]
        int earliest = windows.stream().mapToInt(Window::from).min().orElse(0);
        int estimationEnd = zero + Math.min(earliest, 0); // the return ending at the earliest window's start close
        int estimationStart = Math.max(1, estimationEnd - maxEstimation + 1);
        int n = estimationEnd - estimationStart + 1;
        if (n < minEstimation) {
            return results;
        }
        double[] returns = new double[bars.size()];
        for (int k = 1; k < bars.size(); k++) {
            returns[k] = bars.get(k).close() / bars.get(k - 1).close() - 1;
        }
        double[] market = marketReturns(bars, benchmark);

        ExpectedReturnModel model;
        double alpha;
        double beta;
        double sigma;
        if (market != null && covered(market, estimationStart, estimationEnd)) {
            model = ExpectedReturnModel.MARKET_MODEL;
            double mx = 0;
            double my = 0;
            for (int k = estimationStart; k <= estimationEnd; k++) {
                mx += market[k];
                my += returns[k];
            }
            mx /= n;
            my /= n;
            double sxy = 0;
            double sxx = 0;
            for (int k = estimationStart; k <= estimationEnd; k++) {
                sxy += (market[k] - mx) * (returns[k] - my);
                sxx += (market[k] - mx) * (market[k] - mx);
            }
            beta = sxx == 0 ? 0 : sxy / sxx;
            alpha = my - beta * mx;
            double ss = 0;
            for (int k = estimationStart; k <= estimationEnd; k++) {
                double residual = returns[k] - alpha - beta * market[k];
                ss += residual * residual;
            }
            sigma = Math.sqrt(ss / Math.max(1, n - 2));
        } else {
            model = ExpectedReturnModel.MEAN_ADJUSTED;
            double mean = 0;
            for (int k = estimationStart; k <= estimationEnd; k++) {
                mean += returns[k];
            }
            mean /= n;
            double ss = 0;
            for (int k = estimationStart; k <= estimationEnd; k++) {
                ss += (returns[k] - mean) * (returns[k] - mean);
            }
            alpha = mean;
            beta = 0;
            sigma = Math.sqrt(ss / Math.max(1, n - 1));
        }
        double estimationVolume = 0;
        for (int k = estimationStart; k <= estimationEnd; k++) {
            estimationVolume += bars.get(k).volume();
        }
        estimationVolume /= n;

        for (Window window : windows) {
            int a = zero + window.from();
            int b = zero + window.to();
            if (a < 0 || b >= bars.size()) {
                continue;
            }
            if (model == ExpectedReturnModel.MARKET_MODEL && !covered(market, a + 1, b)) {
                continue;
            }
            double abnormal = 0;
            double volume = 0;
            for (int k = a + 1; k <= b; k++) {
                double expected = model == ExpectedReturnModel.MARKET_MODEL ? alpha + beta * market[k] : alpha;
                abnormal += returns[k] - expected;
                volume += bars.get(k).volume();
            }
            int length = b - a;
            double raw = bars.get(b).close() / bars.get(a).close() - 1;
            Double t = sigma > 0 ? abnormal / (sigma * Math.sqrt(length)) : null;
            Double abnormalVolume = estimationVolume > 0 ? (volume / length) / estimationVolume - 1 : null;
            results.add(new Result(window, bars.get(a).closedAt(), bars.get(b).closedAt(), raw, abnormal, model, t,
                    abnormalVolume, n));
        }
        return results;
    }

    /** The benchmark's return over each of the bars' periods (NaN where it lacks either close). */
    private static double[] marketReturns(List<ClosedBar> bars, List<ClosedBar> benchmark) {
        if (benchmark == null || benchmark.isEmpty()) {
            return null;
        }
        Map<Instant, Double> closes = new HashMap<>();
        benchmark.forEach(bar -> closes.put(bar.closedAt(), bar.close()));
        double[] market = new double[bars.size()];
        market[0] = Double.NaN;
        for (int k = 1; k < bars.size(); k++) {
            Double now = closes.get(bars.get(k).closedAt());
            Double before = closes.get(bars.get(k - 1).closedAt());
            market[k] = now == null || before == null ? Double.NaN : now / before - 1;
        }
        return market;
    }

    private static boolean covered(double[] market, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (Double.isNaN(market[k])) {
                return false;
            }
        }
        return true;
    }
}
