package org.mltrading.api.model;

/** Life cycle of one model version: REGISTERED → VALIDATED → PRODUCTION → RETIRED. */
public enum ModelStatus {
    REGISTERED,
    /** A backtest was recorded; whether it passed the thresholds is in the validation. */
    VALIDATED,
    PRODUCTION,
    RETIRED
}
