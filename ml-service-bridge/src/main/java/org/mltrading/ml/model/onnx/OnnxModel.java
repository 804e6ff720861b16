package org.mltrading.ml.model.onnx;

import java.util.List;
import java.util.Map;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.SignalModel;

/**
 * An imported ONNX version as the platform serves it: the model's output is the forecast of the next
 * bar's log return; the 80 % and 95 % half-widths are the split-conformal quantiles {@code q80}/{@code q95}
 * found at import, in volatility units (absolute residual / {@code vol_20}), scaled by the bar's current
 * {@code vol_20} — the same normalised method as the platform's own models, so intervals widen and
 * narrow with the market and {@code lower ≤ value ≤ upper} always holds.
 */
public final class OnnxModel implements ForecastModel {

    private final OnnxRegressor regressor;
    private final double q80;
    private final double q95;

    OnnxModel(OnnxRegressor regressor, double q80, double q95) {
        if (!(q80 >= 0) || !(q95 >= q80)) {
            throw new IllegalArgumentException("interval quantiles must satisfy 0 <= q80 <= q95, got " + q80 + ", " + q95);
        }
        this.regressor = regressor;
        this.q80 = q80;
        this.q95 = q95;
    }

    /** The model a registered ONNX version describes: its artefact, features and calibrated quantiles. */
    public static OnnxModel open(OnnxArtefact artefact, List<String> features, Map<String, Double> parameters) {
        Double q80 = parameters.get(SignalModel.Q80);
        Double q95 = parameters.get(SignalModel.Q95);
        if (q80 == null || q95 == null) {
            throw new IllegalArgumentException("an ONNX version needs its calibrated q80 and q95");
        }
        OnnxRegressor regressor = OnnxRegressor.open(artefact.bytes(), features);
        try {
            return new OnnxModel(regressor, q80, q95);
        } catch (RuntimeException e) {
            regressor.close();
            throw e;
        }
    }

    @Override
    public Forecast predict(double[] features) {
        double value = regressor.value(features);
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the ONNX model's forecast is " + value);
        }
        double vol = features[Features.VOL_20];
        double half80 = vol * q80;
        double half95 = vol * q95;
        return new Forecast(value, value - half80, value + half80, value - half95, value + half95);
    }

    @Override
    public void close() {
        regressor.close();
    }
}
