package org.mltrading.ml.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.ml.backtest.BacktestEngine;
import org.mltrading.ml.backtest.BacktestResult;
import org.mltrading.ml.backtest.FillCosts;
import org.mltrading.ml.backtest.SmaCrossover;
import org.mltrading.ml.ta4j.Ta4jSmaCrossover;
import org.mltrading.ml.ta4j.Ta4jSmaCrossover.Execution;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;

/**
 * Bars per second of our backtest engine and of ta4j running the same rule ({@link SmaCrossover}) on
 * the same bars, and their ratio. The bars are synthetic one-minute bars, deterministic (geometric
 * Brownian motion, seed 1, 5 bp per bar, prices rounded to the cent; open = previous close); both
 * engines get the same doubles. Before any figure is printed the executions of both engines are
 * compared (bar, side, price) and the program stops if they differ: the ratio is only reported for
 * identical trades.
 *
 * <p>What is timed: a whole run from prices already in memory — our engine from its arrays (signal,
 * fills through the venue's decimal arithmetic, equity curve, metrics), ta4j from its {@code BarSeries}
 * of {@code DoubleNum} bars (indicators, strategy, {@code BarSeriesManager} with next-open execution and
 * zero cost models, trading record). Building the inputs is not timed (it is printed once). Our engine
 * runs frictionless, as ta4j does here (ta4j has no slippage/venue-fee model of that kind; with the
 * venue's costs this high-turnover rule would spend the equity, and the trades on real data with costs
 * are checked by {@code SmaCrossoverVsTa4jTest}). Runs alternate between the engines, each run builds
 * its signal or strategy afresh; the median and best are printed.
 *
 * <p>Usage: {@code ops/bench backtest [--bars=2000000] [--runs=10] [--warmup=3] [--fast=5] [--slow=20]}:
 * {@code warmup} runs of each engine first (JIT; printed, not counted), then {@code runs}.
 */
public final class Ta4jComparison {

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2 || !List.of("bars", "runs", "warmup", "fast", "slow").contains(kv[0])) {
                System.err.println("usage: Ta4jComparison [--bars=2000000] [--runs=10] [--warmup=3] [--fast=5] [--slow=20]");
                System.exit(2);
            }
            options.put(kv[0], kv[1]);
        }
        int bars = Integer.parseInt(options.getOrDefault("bars", "2000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        SmaCrossover rule = new SmaCrossover(Integer.parseInt(options.getOrDefault("fast", "5")),
                Integer.parseInt(options.getOrDefault("slow", "20")));

        Random random = new Random(1);
        Instant[] times = new Instant[bars];
        double[] opens = new double[bars];
        double[] highs = new double[bars];
        double[] lows = new double[bars];
        double[] closes = new double[bars];
        double price = 100;
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < bars; i++) {
            times[i] = start.plusSeconds(60L * i);
            opens[i] = cents(price);
            price *= Math.exp(0.0005 * random.nextGaussian());
            closes[i] = cents(price);
            highs[i] = Math.max(opens[i], closes[i]);
            lows[i] = Math.min(opens[i], closes[i]);
        }
        long built = System.nanoTime();
        BarSeries series = Ta4jSmaCrossover.series("synthetic", times, opens, highs, lows, closes, Duration.ofMinutes(1));
        System.out.printf(Locale.ROOT, "%,d synthetic one-minute bars, rule %s; ta4j series built in %.2f s (not timed)%n",
                bars, rule, (System.nanoTime() - built) / 1e9);

        BacktestEngine frictionless = new BacktestEngine(new FillCosts(BigDecimal.ZERO, BigDecimal.ZERO));
        double[] ours = new double[warmup + runs];
        double[] ta4j = new double[warmup + runs];
        for (int run = 0; run < warmup + runs; run++) {
            long begin = System.nanoTime();
            BacktestResult result = frictionless.run(rule.over(closes), times, opens, closes, BarInterval.ONE_MINUTE,
                    1_000_000, null);
            ours[run] = bars / ((System.nanoTime() - begin) / 1e9);

            begin = System.nanoTime();
            TradingRecord record = Ta4jSmaCrossover.run(series, rule);
            ta4j[run] = bars / ((System.nanoTime() - begin) / 1e9);

            List<Execution> reference = Ta4jSmaCrossover.executions(record);
            List<Execution> mine = result.fills().stream()
                    .map(f -> new Execution(f.barIndex(), f.quantity() > 0 ? Side.BUY : Side.SELL, f.price())).toList();
            if (!mine.equals(reference)) {
                int k = 0;
                while (k < Math.min(mine.size(), reference.size()) && mine.get(k).equals(reference.get(k))) {
                    k++;
                }
                System.out.printf("TRADES DIFFER: ours %d executions, ta4j %d, first difference at execution %d:"
                                + " ours %s, ta4j %s; no ratio reported%n", mine.size(), reference.size(), k,
                        k < mine.size() ? mine.get(k) : "none", k < reference.size() ? reference.get(k) : "none");
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "%s %d: ours %,.0f bars/s, ta4j %,.0f bars/s (%,d identical executions)%n",
                    run < warmup ? "warm-up" : "run", run < warmup ? run + 1 : run - warmup + 1, ours[run], ta4j[run],
                    reference.size());
        }
        ours = Arrays.copyOfRange(ours, warmup, ours.length);
        ta4j = Arrays.copyOfRange(ta4j, warmup, ta4j.length);
        System.out.printf(Locale.ROOT, "median: ours %,.0f bars/s, ta4j %,.0f bars/s, ratio %.1f%n",
                median(ours), median(ta4j), median(ours) / median(ta4j));
        System.out.printf(Locale.ROOT, "best:   ours %,.0f bars/s, ta4j %,.0f bars/s, ratio %.1f%n",
                max(ours), max(ta4j), max(ours) / max(ta4j));
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
