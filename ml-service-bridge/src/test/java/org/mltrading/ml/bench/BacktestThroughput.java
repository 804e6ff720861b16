package org.mltrading.ml.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelKind;
import org.mltrading.ml.backtest.BacktestEngine;
import org.mltrading.ml.backtest.BacktestResult;
import org.mltrading.ml.backtest.BacktestSettings;
import org.mltrading.ml.backtest.FillCosts;

/**
 * Bars per second of the walk-forward backtest engine on synthetic one-minute bars (geometric Brownian
 * motion, fixed seed): features, refits every 20 bars on 250 samples, forecasts and fills included.
 * Usage: {@code BacktestThroughput [bars=2000000] [runs=5]}; prints every run and the best.
 */
public final class BacktestThroughput {

    public static void main(String[] args) {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Random random = new Random(1);
        Instant[] times = new Instant[bars];
        double[] opens = new double[bars];
        double[] closes = new double[bars];
        double price = 100;
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < bars; i++) {
            times[i] = start.plusSeconds(60L * i);
            opens[i] = price;
            price *= Math.exp(0.0005 * random.nextGaussian());
            closes[i] = price;
        }
        BacktestEngine engine = new BacktestEngine(FillCosts.venueDefaults());
        for (ModelKind kind : new ModelKind[] {ModelKind.MOMENTUM, ModelKind.MEAN_REVERSION}) { // the walk-forward kinds
            BacktestSettings settings = BacktestSettings.of(kind, Map.of());
            double best = 0;
            for (int run = 0; run < runs; run++) {
                long begin = System.nanoTime();
                BacktestResult result = engine.run(settings, times, opens, closes, BarInterval.ONE_MINUTE, null);
                double seconds = (System.nanoTime() - begin) / 1e9;
                double rate = bars / seconds;
                best = Math.max(best, rate);
                System.out.printf(Locale.ROOT, "%s run %d: %,d bars in %.3f s = %,.0f bars/s (%d fills)%n", kind, run + 1,
                        bars, seconds, rate, result.fills().size());
            }
            System.out.printf(Locale.ROOT, "%s best: %,.0f bars/s%n", kind, best);
        }
    }
}
