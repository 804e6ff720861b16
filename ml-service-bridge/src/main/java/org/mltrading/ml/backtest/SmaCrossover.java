package org.mltrading.ml.backtest;

/**
 * A rule rather than a model: long while the simple moving average of the last {@code fastBars}
 * closes is strictly above the one of the last {@code slowBars}, flat otherwise; no opinion until
 * {@code slowBars} closes exist. It is the classic rule every backtester can express, which is what
 * makes it the yardstick for comparing this engine with ta4j (same rule, same bars, identical trades:
 * {@code SmaCrossoverVsTa4jTest}, docs/benchmarks.md).
 *
 * <p>The averages are rolling sums: the first full window is summed oldest first, then each close adds
 * the new value and subtracts the one leaving the window, and the sum is divided by the window length.
 * That is one addition and one subtraction per bar instead of a window's worth.
 */
public record SmaCrossover(int fastBars, int slowBars) {

    public SmaCrossover {
        if (fastBars < 1 || slowBars <= fastBars) {
            throw new IllegalArgumentException("need 1 <= fastBars < slowBars, got " + fastBars + " and " + slowBars);
        }
    }

    /** A fresh signal for one run over {@code closes}. */
    public TradingSignal over(double[] closes) {
        return new Signal(closes, fastBars, slowBars);
    }

    private static final class Signal implements TradingSignal {
        private final double[] closes;
        private final int fast;
        private final int slow;
        private double fastSum;
        private double slowSum;

        Signal(double[] closes, int fast, int slow) {
            this.closes = closes;
            this.fast = fast;
            this.slow = slow;
        }

        @Override
        public int atClose(int i) {
            if (i < slow - 1) {
                return KEEP;
            }
            if (i == slow - 1) {
                fastSum = windowSum(i - fast + 1, i);
                slowSum = windowSum(0, i);
            } else {
                fastSum = fastSum + closes[i] - closes[i - fast];
                slowSum = slowSum + closes[i] - closes[i - slow];
            }
            return fastSum / fast > slowSum / slow ? 1 : 0;
        }

        private double windowSum(int from, int to) {
            double sum = 0;
            for (int t = from; t <= to; t++) {
                sum += closes[t];
            }
            return sum;
        }
    }
}
