package org.mltrading.ml.model;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.mltrading.api.model.ModelKind;
import org.mltrading.ml.feature.Features;

/**
 * Fits a {@link SignalModel} by ordinary least squares (commons-math3) on bars {@code [from, to]} of a
 * close series, point-in-time: sample {@code t} pairs the features at t's close with the return from t
 * to t + 1, so only samples with {@code t + 1 ≤ to} are used and nothing after {@code to} is read.
 *
 * <p>Split conformal: the regression is fitted on the first 70 % of the samples and the absolute
 * residuals of the last 30 % (the calibration set, at least {@link #MIN_CALIBRATION}) give the
 * interval quantiles with the finite-sample rank ⌈(m + 1)(1 − α)⌉.
 */
public final class ModelFitter {

    /** Fewer samples than this cannot give a 95 % conformal interval and a usable slope. */
    public static final int MIN_SAMPLES = 40;
    public static final int MIN_CALIBRATION = 19;

    private ModelFitter() {
    }

    /** Samples available for a fit ending at bar {@code to}. */
    public static int samples(int from, int to) {
        return Math.max(0, to - Math.max(from, Features.LOOKBACK));
    }

    public static SignalModel fit(ModelKind kind, double[] closes, int from, int to) {
        return fit(kind, closes, null, from, to);
    }

    /**
     * @param sentiment per bar {count, mean, surprise} aligned with {@code closes} (a row may be null: no
     *                  news known), or null when the kind does not use sentiment
     */
    public static SignalModel fit(ModelKind kind, double[] closes, double[][] sentiment, int from, int to) {
        int first = Math.max(from, Features.LOOKBACK);
        int n = to - first; // samples t in [first, to - 1]
        if (n < MIN_SAMPLES) {
            throw new IllegalArgumentException("a fit needs at least " + MIN_SAMPLES + " samples after "
                    + Features.LOOKBACK + " bars of warm-up, got " + Math.max(n, 0));
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] features = new double[Features.NAMES.size()];
        int signal = SignalModel.signalOf(kind);
        int used = 0;
        for (int t = first; t < to; t++) {
            Features.compute(closes, t, features);
            if (sentiment != null) {
                Features.sentiment(features, sentiment[t]);
            }
            if (features[Features.VOL_20] <= 0) {
                continue; // a flat window has no scale: nothing to learn from it
            }
            x[used] = features[signal];
            y[used] = Math.log(closes[t + 1] / closes[t]) / features[Features.VOL_20];
            used++;
        }
        double halfLife = kind == ModelKind.MEAN_REVERSION ? halfLife(closes, first, to) : Double.NaN;
        return fitSamples(kind, x, y, used, halfLife);
    }

    /**
     * The fit on prepared samples: {@code x[i]} the signal at a close, {@code y[i]} the next log return
     * in volatility units, for the first {@code used} entries in time order (only bars that moved).
     * {@link #fit} and the backtest engine, which keeps each bar's features instead of recomputing
     * them at every refit, both end here, so they fit identically.
     */
    public static SignalModel fitSamples(ModelKind kind, double[] x, double[] y, int used, double halfLife) {
        if (used < MIN_SAMPLES) {
            throw new IllegalArgumentException("a fit needs at least " + MIN_SAMPLES + " bars that moved, got " + used);
        }
        int calibration = Math.max(MIN_CALIBRATION, (int) Math.round(used * 0.3));
        int proper = used - calibration;
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < proper; i++) {
            regression.addData(x[i], y[i]);
        }
        double intercept = regression.getIntercept();
        double slope = regression.getSlope();
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            // a signal that never varied explains nothing: the forecast is the mean next return
            slope = 0;
            double sum = 0;
            for (int i = 0; i < proper; i++) {
                sum += y[i];
            }
            intercept = sum / proper;
        }
        double[] residuals = new double[calibration];
        for (int i = 0; i < calibration; i++) {
            int k = proper + i;
            residuals[i] = Math.abs(y[k] - (intercept + slope * x[k]));
        }
        Arrays.sort(residuals);
        return new SignalModel(kind, intercept, slope, conformal(residuals, 0.8), conformal(residuals, 0.95),
                halfLife, used);
    }

    /**
     * The ⌈(m + 1)·level⌉-th smallest absolute residual (the largest when the rank exceeds m). Imported
     * ONNX models are calibrated with the same rule.
     */
    public static double conformal(double[] sortedResiduals, double level) {
        int m = sortedResiduals.length;
        int rank = (int) Math.ceil((m + 1) * level);
        return sortedResiduals[Math.min(rank, m) - 1];
    }

    /**
     * Ornstein-Uhlenbeck half-life of log prices in bars: regress Δln p_t on ln p_{t−1}; with slope
     * β in (−1, 0) the process reverts with half-life −ln 2 / ln(1 + β). NaN when it does not revert.
     */
    public static double halfLife(double[] closes, int from, int to) {
        SimpleRegression regression = new SimpleRegression(true);
        for (int t = Math.max(from, 1); t <= to; t++) {
            double previous = Math.log(closes[t - 1]);
            regression.addData(previous, Math.log(closes[t]) - previous);
        }
        double beta = regression.getSlope();
        return beta < 0 && beta > -1 ? -Math.log(2) / Math.log1p(beta) : Double.NaN;
    }
}
