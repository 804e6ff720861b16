package org.mltrading.api.strategy;

/** Why a strategy command was refused (the STRATEGY_ context of the error catalogue, docs/api/errors.md). */
public enum StrategyErrorCode {
    /** Quantities not positive or not on the lot grid, cap below the order size, negative threshold, … */
    STRATEGY_INVALID_INPUT,
    /** No model of that name or id. */
    STRATEGY_MODEL_UNKNOWN,
    /** The model has no version in PRODUCTION: only production models may trade. */
    STRATEGY_MODEL_NOT_IN_PRODUCTION,
    /** The symbol is not in the instrument catalogue. */
    STRATEGY_UNKNOWN_SYMBOL,
    /** A prediction of another model, version or symbol was offered to the strategy. */
    STRATEGY_PREDICTION_MISMATCH
}
