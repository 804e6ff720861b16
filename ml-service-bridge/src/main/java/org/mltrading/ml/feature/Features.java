package org.mltrading.ml.feature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one feature computation, used by training, backtests and live serving alike. Every feature at
 * bar {@code end} reads closes {@code [end − LOOKBACK, end]} only, so it is point-in-time: nothing
 * after the bar's close can leak in. Returns are log returns (≈ fractions for small moves).
 *
 * <ul>
 *   <li>{@code ret_1}, {@code ret_5}, {@code ret_20}: log return over the last 1, 5 and 20 bars</li>
 *   <li>{@code vol_20}: sample standard deviation of the last 20 one-bar log returns</li>
 *   <li>{@code mom_20_vs}: volatility-scaled momentum, ret_20 / (vol_20 × √20) — a t-statistic of the trend</li>
 *   <li>{@code z_20}: (close − mean of the last 20 closes) / their standard deviation</li>
 *   <li>{@code rsi_14}: relative strength index over the last 14 changes, simple averages (Cutler), 0-100</li>
 *   <li>{@code sent_count}, {@code sent_mean}, {@code sent_surprise}: the instrument's news sentiment in the
 *       bar (items published in it, their mean score, the mean against the 20 bars before; ADR 0022),
 *       point-in-time like the rest: only items published before the bar's close. Set by
 *       {@link #sentiment} where a model uses them; 0 otherwise.</li>
 * </ul>
 * Degenerate windows (no variation) give 0 for the ratios, never NaN.
 */
public final class Features {

    /** Closes before the current one that the features need. */
    public static final int LOOKBACK = 20;

    public static final int RET_1 = 0;
    public static final int RET_5 = 1;
    public static final int RET_20 = 2;
    public static final int VOL_20 = 3;
    public static final int MOM_20_VS = 4;
    public static final int Z_20 = 5;
    public static final int RSI_14 = 6;
    public static final int SENT_COUNT = 7;
    public static final int SENT_MEAN = 8;
    public static final int SENT_SURPRISE = 9;

    /** Feature names, in index order. */
    public static final List<String> NAMES = List.of("ret_1", "ret_5", "ret_20", "vol_20", "mom_20_vs", "z_20", "rsi_14",
            "sent_count", "sent_mean", "sent_surprise");
    /** The sentiment features: a model that lists one needs the sentiment series next to its bars. */
    public static final List<String> SENTIMENT = List.of("sent_count", "sent_mean", "sent_surprise");

    private static final int RSI_PERIOD = 14;

    private Features() {
    }

    /** Whether {@code end} has enough history before it. */
    public static boolean available(int end) {
        return end >= LOOKBACK;
    }

    /** The features at the close of bar {@code end}; fills {@code out} (length ≥ NAMES.size()) and returns it. */
    public static double[] compute(double[] closes, int end, double[] out) {
        if (!available(end) || end >= closes.length) {
            throw new IllegalArgumentException("features need " + LOOKBACK + " closes before index " + end);
        }
        double last = closes[end];
        out[RET_1] = Math.log(last / closes[end - 1]);
        out[RET_5] = Math.log(last / closes[end - 5]);
        out[RET_20] = Math.log(last / closes[end - 20]);

        double sum = 0;
        double sumSquares = 0;
        for (int i = end - LOOKBACK + 1; i <= end; i++) {
            double r = Math.log(closes[i] / closes[i - 1]);
            sum += r;
            sumSquares += r * r;
        }
        double vol = sampleStd(sum, sumSquares, LOOKBACK);
        out[VOL_20] = vol;
        out[MOM_20_VS] = vol > 0 ? out[RET_20] / (vol * Math.sqrt(LOOKBACK)) : 0;

        double priceSum = 0;
        for (int i = end - LOOKBACK + 1; i <= end; i++) {
            priceSum += closes[i];
        }
        double priceMean = priceSum / LOOKBACK;
        double deviations = 0;
        for (int i = end - LOOKBACK + 1; i <= end; i++) {
            double d = closes[i] - priceMean;
            deviations += d * d;
        }
        // two passes: prices are large next to their spread, one-pass sums would cancel
        double priceStd = Math.sqrt(deviations / (LOOKBACK - 1));
        out[Z_20] = priceStd > 0 ? (last - priceMean) / priceStd : 0;

        double gains = 0;
        double losses = 0;
        for (int i = end - RSI_PERIOD + 1; i <= end; i++) {
            double change = closes[i] - closes[i - 1];
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        out[RSI_14] = gains + losses == 0 ? 50 : 100 * gains / (gains + losses);
        out[SENT_COUNT] = 0;
        out[SENT_MEAN] = 0;
        out[SENT_SURPRISE] = 0;
        return out;
    }

    /**
     * Sets the sentiment features of the bar: {@code bar} = {count, mean, surprise} (null: no news
     * known, all 0). Call after {@link #compute}.
     */
    public static double[] sentiment(double[] out, double[] bar) {
        out[SENT_COUNT] = bar == null ? 0 : bar[0];
        out[SENT_MEAN] = bar == null ? 0 : bar[1];
        out[SENT_SURPRISE] = bar == null ? 0 : bar[2];
        return out;
    }

    /** Names of alternative-data series features: {@code alt:<series>} (ADR 0022). */
    public static final String ALT_PREFIX = "alt:";
    private static final java.util.regex.Pattern ALT_NAME = java.util.regex.Pattern.compile("alt:[a-z0-9][a-z0-9_.-]{0,63}");

    public static boolean isAlt(String name) {
        return ALT_NAME.matcher(name).matches();
    }

    /**
     * Where a feature sits in the vector of a model that lists {@code modelFeatures}: the platform's
     * features at their fixed index, the model's {@code alt:} features after them in the model's order;
     * −1 for an unknown name.
     */
    public static int index(String name, List<String> modelFeatures) {
        int fixed = NAMES.indexOf(name);
        if (fixed >= 0) {
            return fixed;
        }
        if (!isAlt(name)) {
            return -1;
        }
        int position = 0;
        for (String listed : modelFeatures) {
            if (listed.equals(name)) {
                return NAMES.size() + position;
            }
            if (isAlt(listed)) {
                position++;
            }
        }
        return -1;
    }

    /** The length of the feature vector of a model that lists {@code modelFeatures}. */
    public static int size(List<String> modelFeatures) {
        return NAMES.size() + (int) modelFeatures.stream().filter(Features::isAlt).count();
    }

    /** The features a model lists that do not come from closes (news sentiment, alternative data), in its order. */
    public static List<String> external(List<String> modelFeatures) {
        return modelFeatures.stream().filter(name -> SENTIMENT.contains(name) || isAlt(name)).toList();
    }

    /** The features at {@code end} by name, for provenance and display. */
    public static Map<String, Double> named(double[] values) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            named.put(NAMES.get(i), values[i]);
        }
        return named;
    }

    private static double sampleStd(double sum, double sumSquares, int n) {
        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        // cancellation can leave a tiny negative number for a flat window
        return variance > 0 ? Math.sqrt(variance) : 0;
    }
}
