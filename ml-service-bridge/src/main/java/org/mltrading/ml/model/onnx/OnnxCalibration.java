package org.mltrading.ml.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mltrading.ml.feature.ExternalFeatures;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.ModelFitter;

/**
 * Split-conformal calibration of an imported model on stored history. The model was fitted
 * elsewhere, so every sample of the calibration range is a calibration sample: at each close t (with
 * 20 bars of warm-up and a known next close) the score is |log(close[t+1]/close[t]) − forecast| /
 * vol_20, and the 80 % and 95 % half-widths are the ⌈(m + 1)·level⌉-th smallest scores — the rule and
 * the units of {@link ModelFitter}. Bars whose window did not move (vol_20 = 0) have no scale and are
 * skipped, as in the fits. The guarantee needs calibration bars the model has not seen in training.
 *
 * @param q80     half-width of the 80 % interval in volatility units
 * @param q95     half-width of the 95 % interval in volatility units
 * @param samples calibration samples used
 */
public record OnnxCalibration(double q80, double q95, int samples) {

    /** The calibration on these closes (ascending bar order); empty when fewer than 19 samples exist. */
    public static Optional<OnnxCalibration> of(OnnxRegressor model, double[] closes) {
        return of(model, closes, List.of(), null);
    }

    /**
     * As above for a model with external features (news sentiment, {@code alt:} series): {@code external}
     * holds each bar's row ({@link ExternalFeatures}); a bar with a missing value is skipped like a flat one.
     */
    public static Optional<OnnxCalibration> of(OnnxRegressor model, double[] closes, List<String> modelFeatures,
                                               double[][] external) {
        double[] scores = new double[Math.max(0, closes.length - 1 - Features.LOOKBACK)];
        double[] features = new double[Features.size(modelFeatures)];
        int m = 0;
        for (int t = Features.LOOKBACK; t + 1 < closes.length; t++) {
            Features.compute(closes, t, features);
            if (external != null && !ExternalFeatures.fill(features, modelFeatures, external[t])) {
                continue;
            }
            double vol = features[Features.VOL_20];
            if (!(vol > 0)) {
                continue;
            }
            double forecast = model.value(features);
            if (!Double.isFinite(forecast)) {
                throw new InvalidArtefactException("the model's forecast at calibration bar " + t + " is " + forecast);
            }
            scores[m++] = Math.abs(Math.log(closes[t + 1] / closes[t]) - forecast) / vol;
        }
        if (m < ModelFitter.MIN_CALIBRATION) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(scores, m);
        Arrays.sort(sorted);
        return Optional.of(new OnnxCalibration(ModelFitter.conformal(sorted, 0.8), ModelFitter.conformal(sorted, 0.95), m));
    }
}
