package org.mltrading.ml.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.api.model.ModelKind;
import org.mltrading.ml.feature.Features;

/**
 * A fitted single-signal model in volatility units: the next log return divided by the current
 * {@code vol_20} is {@code intercept + slope × signal}, where the signal is {@code mom_20_vs}
 * (MOMENTUM), {@code z_20} (MEAN_REVERSION) or {@code sent_surprise} (SENTIMENT). Working in volatility units makes one fit usable on any
 * instrument and bar length; the forecast is scaled back by the current volatility. Interval half-widths
 * {@code q80}/{@code q95} are split-conformal quantiles of the absolute residual, also in volatility units.
 *
 * @param halfLifeBars Ornstein-Uhlenbeck half-life of the training prices in bars (MEAN_REVERSION; NaN when
 *                     the prices did not revert)
 */
public record SignalModel(ModelKind kind, double intercept, double slope, double q80, double q95,
                          double halfLifeBars, int trainingSamples) implements ForecastModel {

    public static final String INTERCEPT = "intercept";
    public static final String SLOPE = "slope";
    public static final String Q80 = "q80";
    public static final String Q95 = "q95";
    public static final String HALF_LIFE = "half_life_bars";
    public static final String SAMPLES = "training_samples";

    /** The feature index of the model's signal. */
    public static int signalOf(ModelKind kind) {
        return switch (kind) {
            case MOMENTUM -> Features.MOM_20_VS;
            case MEAN_REVERSION -> Features.Z_20;
            case SENTIMENT -> Features.SENT_SURPRISE;
            case ONNX -> throw new IllegalArgumentException("an ONNX model has no single signal: it reads its declared features");
        };
    }

    /** The features a version lists (its signal and the volatility that scales it). */
    public static List<String> featuresOf(ModelKind kind) {
        return List.of(Features.NAMES.get(signalOf(kind)), Features.NAMES.get(Features.VOL_20));
    }

    /** The forecast for features computed at a bar's close by {@link Features#compute}. */
    @Override
    public Forecast predict(double[] features) {
        double vol = features[Features.VOL_20];
        double value = vol * (intercept + slope * features[signalOf(kind)]);
        double half80 = vol * q80;
        double half95 = vol * q95;
        return new Forecast(value, value - half80, value + half80, value - half95, value + half95);
    }

    /** The fitted values by name (finite numbers only; the artefact hash covers them). */
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put(INTERCEPT, intercept);
        parameters.put(SLOPE, slope);
        parameters.put(Q80, q80);
        parameters.put(Q95, q95);
        parameters.put(SAMPLES, (double) trainingSamples);
        if (Double.isFinite(halfLifeBars)) {
            parameters.put(HALF_LIFE, halfLifeBars);
        }
        return parameters;
    }

    /** The model a registered version describes. */
    public static SignalModel fromParameters(ModelKind kind, Map<String, Double> parameters) {
        return new SignalModel(kind, required(parameters, INTERCEPT), required(parameters, SLOPE),
                required(parameters, Q80), required(parameters, Q95),
                parameters.getOrDefault(HALF_LIFE, Double.NaN),
                parameters.getOrDefault(SAMPLES, 0.0).intValue());
    }

    private static double required(Map<String, Double> parameters, String name) {
        Double value = parameters.get(name);
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("model parameter " + name + " is missing");
        }
        return value;
    }
}
