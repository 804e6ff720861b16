package org.mltrading.ml.backtest;

import java.util.Map;
import org.mltrading.api.model.ModelKind;

/**
 * How a backtest trades a model kind, walk-forward: the model is refitted every {@code refitEvery}
 * bars on the last {@code trainWindow} samples known at that bar, and its forecast at each close sets
 * the position for the next bar's open: long when it exceeds the round-trip cost, short when it is
 * below minus that cost (unless {@code longOnly}), flat otherwise. Positions are whole units worth about
 * the equity (no leverage).
 */
public record BacktestSettings(ModelKind kind, int refitEvery, int trainWindow, boolean longOnly,
                               double initialEquity) {

    public static final String REFIT_EVERY = "refit_every";
    public static final String TRAIN_WINDOW = "train_window";
    /** 1 = never short (the default for a version that does not say). */
    public static final String LONG_ONLY = "long_only";

    public BacktestSettings {
        if (refitEvery < 1 || trainWindow < 1 || !(initialEquity > 0)) {
            throw new IllegalArgumentException("refitEvery, trainWindow and initialEquity must be positive");
        }
    }

    /** Settings from a version's parameters (defaults: refit every 20 bars on the last 250 samples, long only). */
    public static BacktestSettings of(ModelKind kind, Map<String, Double> parameters) {
        return new BacktestSettings(kind, parameters.getOrDefault(REFIT_EVERY, 20.0).intValue(),
                parameters.getOrDefault(TRAIN_WINDOW, 250.0).intValue(),
                parameters.getOrDefault(LONG_ONLY, 1.0) != 0, 1_000_000);
    }
}
