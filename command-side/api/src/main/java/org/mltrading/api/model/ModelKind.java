package org.mltrading.api.model;

/** The family of a model; it says which features and fitting procedure a version uses. */
public enum ModelKind {
    /** Time-series momentum, volatility-scaled (next return regressed on the vol-scaled past return). */
    MOMENTUM,
    /** Mean reversion: next return regressed on the z-score of price against its rolling mean; OU half-life fitted. */
    MEAN_REVERSION,
    /**
     * News sentiment: next return regressed on {@code sent_surprise} (the bar's mean news sentiment
     * against the 20 bars before), volatility-scaled like MOMENTUM; fitted by {@code trainModel}.
     */
    SENTIMENT,
    /**
     * Trained outside the platform and imported as ONNX: maps named features to the next bar's log
     * return; served with ONNX Runtime, intervals calibrated at import (docs/adr/0016).
     */
    ONNX
}
