package org.mltrading.ml.backtest;

import org.mltrading.api.model.ModelKind;
import java.util.List;
import org.mltrading.ml.feature.ExternalFeatures;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.SignalModel;

/**
 * The walk-forward model as a {@link TradingSignal}: at each close the features of that close are
 * computed (and kept, so refits reuse them), the model is refitted when due on the last
 * {@code trainWindow} samples whose next close is known (t + 1 ≤ i), and its forecast sets the
 * direction: long above the round-trip cost, short below minus it (unless long only), else flat. A
 * model fitted elsewhere (an imported ONNX version) is served as it is, never refitted.
 */
final class ModelSignal implements TradingSignal {

    private final BacktestSettings settings;
    private final double[] closes;
    private final List<String> modelFeatures;
    private final double[][] external;
    private final double hurdle;
    private final int signal;
    private final double[] features;
    // each bar's signal and volatility, computed once at its close (point-in-time by construction)
    private final double[] signalAt;
    private final double[] volAt;
    private final double[] sampleX;
    private final double[] sampleY;
    private final boolean refits;
    private ForecastModel model;
    private int lastFit;

    /**
     * @param fixed         a model to serve unchanged, or null to refit the settings' kind walk-forward
     * @param modelFeatures the features the model lists
     * @param external      per bar the model's external features ({@link ExternalFeatures}), or null without any
     */
    ModelSignal(BacktestSettings settings, ForecastModel fixed, double[] closes, List<String> modelFeatures,
                double[][] external, double roundTripCost) {
        this.settings = settings;
        this.closes = closes;
        this.modelFeatures = modelFeatures;
        this.external = external;
        this.features = new double[Features.size(modelFeatures)];
        this.hurdle = roundTripCost;
        this.model = fixed;
        this.refits = fixed == null;
        this.signal = refits ? SignalModel.signalOf(settings.kind()) : -1;
        this.signalAt = new double[closes.length];
        this.volAt = new double[closes.length];
        this.sampleX = new double[settings.trainWindow() + 1];
        this.sampleY = new double[settings.trainWindow() + 1];
    }

    @Override
    public int atClose(int i) {
        boolean featuresKnown = Features.available(i);
        if (featuresKnown) {
            Features.compute(closes, i, features);
            // a bar before an alternative series' first observation has no forecast (never a made-up input)
            featuresKnown = external == null || ExternalFeatures.fill(features, modelFeatures, external[i]);
            if (refits) {
                signalAt[i] = features[signal];
                volAt[i] = features[Features.VOL_20];
            }
        }
        int trainFrom = Math.max(0, i - settings.trainWindow());
        boolean due = model == null || i - lastFit >= settings.refitEvery();
        if (refits && due && ModelFitter.samples(trainFrom, i) >= ModelFitter.MIN_SAMPLES) {
            refit(trainFrom, i);
        }
        if (model == null || !featuresKnown) {
            return KEEP;
        }
        Forecast forecast = model.predict(features);
        return forecast.value() > hurdle ? 1 : forecast.value() < -hurdle && !settings.longOnly() ? -1 : 0;
    }

    private void refit(int trainFrom, int i) {
        int used = 0;
        for (int t = Math.max(trainFrom, Features.LOOKBACK); t < i; t++) {
            if (volAt[t] > 0) {
                sampleX[used] = signalAt[t];
                sampleY[used] = Math.log(closes[t + 1] / closes[t]) / volAt[t];
                used++;
            }
        }
        try {
            double halfLife = settings.kind() == ModelKind.MEAN_REVERSION
                    ? ModelFitter.halfLife(closes, Math.max(trainFrom, Features.LOOKBACK), i) : Double.NaN;
            model = ModelFitter.fitSamples(settings.kind(), sampleX, sampleY, used, halfLife);
        } catch (IllegalArgumentException flat) {
            model = null; // not enough moving bars yet
        }
        lastFit = i;
    }
}
