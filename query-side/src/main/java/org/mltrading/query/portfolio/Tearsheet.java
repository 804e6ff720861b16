package org.mltrading.query.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.mltrading.api.common.Side;

/**
 * An account's performance over a window, from its own history: the opening cash and every fill (with the
 * cash and position after it, as the account booked them), marked to market on a bar grid with the stored
 * closes. The equity curve is cash + Σ position × close at each bar's end; the figures follow from it.
 * Per-period returns are simple returns of equity between grid points (there are no deposits or withdrawals
 * in this platform: cash changes only by fills and their fees). Annualised by {@code periodsPerYear}.
 */
public final class Tearsheet {

    /** A booked fill: signed by side, with the account's cash and position in the symbol after it. */
    public record Fill(Instant time, String symbol, Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee,
                       BigDecimal positionAfter, BigDecimal cashAfter) {

        BigDecimal notional() {
            return price.multiply(quantity);
        }
    }

    public record Point(Instant time, double equity, double cash) {
    }

    /** An instrument's P&L over the window: value change plus the cash its trades brought in, less fees. */
    public record Attribution(String symbol, double pnl, double fees, double share) {
    }

    public record Figures(List<Point> curve, double totalReturn, Double annualisedReturn, Double volatility,
                          Double sharpeRatio, Double sortinoRatio, double maxDrawdown, Instant drawdownPeak,
                          Instant drawdownTrough, double turnover, int fills, List<Attribution> attribution) {
    }

    private Tearsheet() {
    }

    /**
     * @param openingCash cash before the first fill
     * @param fills       the account's fills, oldest first (all of them: those before the window set its start)
     * @param closes      per symbol, bar end → close
     * @param grid        the bar ends to mark at, oldest first (at least two)
     */
    public static Figures of(BigDecimal openingCash, List<Fill> fills, Map<String, NavigableMap<Instant, Double>> closes,
                             List<Instant> grid, double periodsPerYear) {
        List<Point> curve = new ArrayList<>();
        Map<String, BigDecimal> positions = new TreeMap<>();
        Map<String, Double> lastFillPrice = new HashMap<>();
        double cash = openingCash.doubleValue();
        int next = 0;
        Instant start = grid.get(0);
        Instant end = grid.get(grid.size() - 1);
        Map<String, Double> startValue = new HashMap<>();
        Map<String, Double> tradeCash = new HashMap<>();
        Map<String, Double> fees = new HashMap<>();
        double traded = 0;
        int fillsInWindow = 0;
        for (Instant at : grid) {
            while (next < fills.size() && !fills.get(next).time().isAfter(at)) {
                Fill fill = fills.get(next++);
                positions.put(fill.symbol(), fill.positionAfter());
                cash = fill.cashAfter().doubleValue();
                lastFillPrice.put(fill.symbol(), fill.price().doubleValue());
                if (fill.time().isAfter(start)) {
                    double notional = fill.notional().doubleValue();
                    tradeCash.merge(fill.symbol(), fill.side() == Side.BUY ? -notional : notional, Double::sum);
                    fees.merge(fill.symbol(), fill.fee() == null ? 0 : fill.fee().doubleValue(), Double::sum);
                    traded += notional;
                    fillsInWindow++;
                }
            }
            double equity = cash;
            for (Map.Entry<String, BigDecimal> position : positions.entrySet()) {
                double value = position.getValue().doubleValue() * mark(closes, lastFillPrice, position.getKey(), at);
                equity += value;
                if (at.equals(start)) {
                    startValue.put(position.getKey(), value);
                }
            }
            curve.add(new Point(at, equity, cash));
        }
        List<Attribution> attribution = attribution(positions, closes, lastFillPrice, end, startValue, tradeCash, fees,
                curve.get(curve.size() - 1).equity() - curve.get(0).equity());
        return figures(curve, periodsPerYear, traded, fillsInWindow, attribution);
    }

    static Figures figures(List<Point> curve, double periodsPerYear, double traded, int fills, List<Attribution> attribution) {
        double first = curve.get(0).equity();
        double last = curve.get(curve.size() - 1).equity();
        double[] returns = new double[curve.size() - 1];
        double sumEquity = 0;
        for (int i = 0; i < curve.size(); i++) {
            sumEquity += curve.get(i).equity();
            if (i > 0) {
                double before = curve.get(i - 1).equity();
                returns[i - 1] = before > 0 ? curve.get(i).equity() / before - 1 : 0;
            }
        }
        double total = first > 0 ? last / first - 1 : 0;
        int n = returns.length;
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean = n == 0 ? 0 : mean / n;
        double variance = 0;
        double downside = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean);
            downside += Math.min(r, 0) * Math.min(r, 0);
        }
        Double std = n < 2 ? null : Math.sqrt(variance / (n - 1));
        double downsideDeviation = n == 0 ? 0 : Math.sqrt(downside / n);
        Double annualised = n == 0 || first <= 0 || last <= 0 ? null : finite(Math.pow(last / first, periodsPerYear / n) - 1);
        Double volatility = std == null ? null : std * Math.sqrt(periodsPerYear);
        Double sharpe = std == null || std == 0 ? null : mean / std * Math.sqrt(periodsPerYear);
        Double sortino = downsideDeviation == 0 ? null : mean / downsideDeviation * Math.sqrt(periodsPerYear);
        double peak = Double.NEGATIVE_INFINITY;
        Instant peakAt = null;
        double maxDrawdown = 0;
        Instant drawdownPeak = null;
        Instant drawdownTrough = null;
        for (Point point : curve) {
            if (point.equity() > peak) {
                peak = point.equity();
                peakAt = point.time();
            }
            double drawdown = peak > 0 ? (peak - point.equity()) / peak : 0;
            if (drawdown > maxDrawdown) {
                maxDrawdown = drawdown;
                drawdownPeak = peakAt;
                drawdownTrough = point.time();
            }
        }
        double averageEquity = sumEquity / curve.size();
        double turnover = averageEquity > 0 ? traded / averageEquity : 0;
        return new Figures(curve, total, annualised, volatility, sharpe, sortino, maxDrawdown, drawdownPeak,
                drawdownTrough, turnover, fills, attribution);
    }

    /** A figure too large for a double (compounding a short window over a year can be) is no figure. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Attribution> attribution(Map<String, BigDecimal> positions,
                                                 Map<String, NavigableMap<Instant, Double>> closes,
                                                 Map<String, Double> lastFillPrice, Instant end,
                                                 Map<String, Double> startValue, Map<String, Double> tradeCash,
                                                 Map<String, Double> fees, double equityChange) {
        TreeMap<String, Attribution> bySymbol = new TreeMap<>();
        java.util.Set<String> symbols = new java.util.TreeSet<>(startValue.keySet());
        symbols.addAll(tradeCash.keySet());
        symbols.addAll(positions.keySet());
        for (String symbol : symbols) {
            BigDecimal held = positions.getOrDefault(symbol, BigDecimal.ZERO);
            double endValue = held.signum() == 0 ? 0 : held.doubleValue() * mark(closes, lastFillPrice, symbol, end);
            double fee = fees.getOrDefault(symbol, 0.0);
            double pnl = endValue - startValue.getOrDefault(symbol, 0.0) + tradeCash.getOrDefault(symbol, 0.0) - fee;
            if (pnl != 0 || fee != 0 || held.signum() != 0) {
                bySymbol.put(symbol, new Attribution(symbol, pnl, fee, equityChange == 0 ? 0 : pnl / equityChange));
            }
        }
        return List.copyOf(bySymbol.values());
    }

    /** The last close at or before {@code at}; before any bar, the last fill price. */
    private static double mark(Map<String, NavigableMap<Instant, Double>> closes, Map<String, Double> lastFillPrice,
                               String symbol, Instant at) {
        NavigableMap<Instant, Double> series = closes.get(symbol);
        Map.Entry<Instant, Double> close = series == null ? null : series.floorEntry(at);
        if (close != null) {
            return close.getValue();
        }
        return lastFillPrice.getOrDefault(symbol, 0.0);
    }
}
