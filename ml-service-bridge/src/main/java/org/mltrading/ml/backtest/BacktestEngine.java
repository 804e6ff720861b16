package org.mltrading.ml.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.EquityPoint;
import org.mltrading.ml.model.ForecastModel;

/**
 * An event-driven, single-instrument backtest over bars. Each bar is one event, handled in the order a
 * live run would see it: (1) the order decided at the previous close executes at this bar's open as a
 * market order under the venue's price and fee rules ({@link FillCosts}); (2) equity is marked at the
 * close; (3) the {@link TradingSignal} sees this close — a model ({@link ModelSignal}) computes its
 * features and is refitted when due, from samples whose outcome is known by this close; (4) the
 * signal's direction at this close sets the next target position. No step reads a later bar.
 *
 * <p>The hot loop works in doubles; only executions go through the venue's decimal arithmetic.
 */
public final class BacktestEngine {

    /** Called every few percent with bars processed so far; must be quick. */
    public interface Progress {
        void at(int barsProcessed, int barsTotal);
    }

    private static final int MAX_EQUITY_POINTS = 500;

    private final FillCosts costs;

    public BacktestEngine(FillCosts costs) {
        this.costs = costs;
    }

    /** A walk-forward run that refits the settings' kind as it goes (the platform's own models). */
    public BacktestResult run(BacktestSettings settings, List<Bar> bars, Progress progress) {
        return run(settings, null, bars, progress);
    }

    /**
     * A run of a model fitted elsewhere (an imported ONNX version), served unchanged at every close;
     * with {@code fixed} null the settings' kind is refitted walk-forward.
     */
    public BacktestResult run(BacktestSettings settings, ForecastModel fixed, List<Bar> bars, Progress progress) {
        return run(settings, fixed, bars, List.of(), null, progress);
    }

    /**
     * As above for a model listing {@code modelFeatures}, with each bar's external features (news
     * sentiment, alternative data; {@link org.mltrading.ml.feature.ExternalFeatures}), or null without any.
     */
    public BacktestResult run(BacktestSettings settings, ForecastModel fixed, List<Bar> bars, List<String> modelFeatures,
                              double[][] external, Progress progress) {
        int n = bars.size();
        if (n < 2) {
            throw new IllegalArgumentException("a backtest needs at least 2 bars, got " + n);
        }
        double[] opens = new double[n];
        double[] closes = new double[n];
        Instant[] times = new Instant[n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            opens[i] = bar.open().doubleValue();
            closes[i] = bar.close().doubleValue();
            times[i] = bar.time();
            if (!(opens[i] > 0) || !(closes[i] > 0)) {
                throw new IllegalArgumentException("bar " + bar.time() + " has a non-positive price");
            }
        }
        BarInterval interval = bars.get(0).interval();
        return run(settings, fixed, times, opens, closes, modelFeatures, external, interval, progress);
    }

    /** The same run over prices already in arrays (benchmarks; callers that never held {@link Bar}s). */
    public BacktestResult run(BacktestSettings settings, Instant[] times, double[] opens, double[] closes,
                              BarInterval interval, Progress progress) {
        return run(settings, null, times, opens, closes, List.of(), null, interval, progress);
    }

    private BacktestResult run(BacktestSettings settings, ForecastModel fixed, Instant[] times, double[] opens,
                               double[] closes, List<String> modelFeatures, double[][] external, BarInterval interval,
                               Progress progress) {
        TradingSignal model = new ModelSignal(settings, fixed, closes, modelFeatures, external, 2 * costs.oneWayFraction());
        return run(model, times, opens, closes, interval, settings.initialEquity(), progress);
    }

    /**
     * The same loop driven by any {@link TradingSignal} — a walk-forward model or a plain rule such as
     * {@link SmaCrossover}: one engine, so a rule's run measures exactly the execution and accounting a
     * model's backtest goes through.
     */
    public BacktestResult run(TradingSignal signal, Instant[] times, double[] opens, double[] closes,
                              BarInterval interval, double initialEquity, Progress progress) {
        int n = closes.length;
        if (n < 2 || opens.length != n || times.length != n || !(initialEquity > 0)) {
            throw new IllegalArgumentException("a backtest needs at least 2 bars with a time, open and close each"
                    + " and a positive initial equity, got " + n + " closes, " + opens.length + " opens, "
                    + times.length + " times, equity " + initialEquity);
        }
        double cash = initialEquity;
        double position = 0;
        double target = 0;
        double[] equity = new double[n];
        List<BacktestResult.Fill> fills = new ArrayList<>();
        double tradedNotional = 0;
        double tripCash = 0;
        int trips = 0;
        int winners = 0;
        int step = Math.max(1, n / 20);

        for (int i = 0; i < n; i++) {
            // (1) execute at the open what the previous close decided
            if (target != position) {
                double quantity = target - position;
                Side side = quantity > 0 ? Side.BUY : Side.SELL;
                BigDecimal units = BigDecimal.valueOf(Math.abs(quantity));
                BigDecimal price = costs.price(side, BigDecimal.valueOf(opens[i]));
                double fillPrice = price.doubleValue();
                double fee = costs.fee(price, units).doubleValue();
                double flow = -quantity * fillPrice - fee;
                cash += flow;
                tradedNotional += Math.abs(quantity) * fillPrice;
                fills.add(new BacktestResult.Fill(i, times[i], quantity, fillPrice, fee));
                boolean closesTrip = position != 0 && (target == 0 || Math.signum(target) != Math.signum(position));
                if (closesTrip) {
                    // the part of the flow that closes the old position ends its round trip
                    double closingShare = Math.abs(position) / Math.abs(quantity);
                    tripCash += flow * closingShare;
                    trips++;
                    if (tripCash > 0) {
                        winners++;
                    }
                    tripCash = flow * (1 - closingShare);
                } else {
                    tripCash += flow;
                }
                position = target;
            }
            // (2) mark to market at the close
            equity[i] = cash + position * closes[i];
            // (3) the signal sees this close (a model computes its features and refits when due) and
            // (4) decides the position for the next open; nothing is decided at the last close
            int direction = signal.atClose(i);
            if (direction != TradingSignal.KEEP && i + 1 < n) {
                if (direction == 0) {
                    target = 0;
                } else if (Math.signum(position) != direction) {
                    target = direction * Math.floor(Math.max(equity[i], 0) / closes[i]);
                }
            }
            if (progress != null && (i % step == step - 1 || i == n - 1)) {
                progress.at(i + 1, n);
            }
        }
        BacktestMetrics metrics = PerformanceMetrics.of(equity, closes, trips, winners, tradedNotional,
                PerformanceMetrics.periodsPerYear(interval));
        return new BacktestResult(metrics, curve(times, equity, initialEquity), fills);
    }

    private static List<EquityPoint> curve(Instant[] times, double[] equity, double initial) {
        int n = equity.length;
        int stride = Math.max(1, (int) Math.ceil(n / (double) MAX_EQUITY_POINTS));
        List<EquityPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            points.add(new EquityPoint(times[i], equity[i] / initial));
        }
        if ((n - 1) % stride != 0) {
            points.add(new EquityPoint(times[n - 1], equity[n - 1] / initial));
        }
        return points;
    }
}
