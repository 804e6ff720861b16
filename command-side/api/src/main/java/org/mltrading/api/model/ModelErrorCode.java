package org.mltrading.api.model;

/** Why a model command was refused (the MODEL_ context of the error catalogue, docs/api/errors.md). */
public enum ModelErrorCode {
    MODEL_INVALID_INPUT,
    MODEL_VERSION_EXISTS,
    MODEL_UNKNOWN,
    MODEL_VERSION_UNKNOWN,
    /** Promotion needs a recorded validation. */
    MODEL_NOT_VALIDATED,
    /** The recorded validation misses the configured promotion thresholds. */
    MODEL_VALIDATION_FAILED,
    /** The version is retired (or otherwise not in a state that allows the command). */
    MODEL_INVALID_STATE,
    /** Promotion and retirement need ADMIN or RISK_OFFICER in the command's metadata. */
    MODEL_PERMISSION_DENIED,
    /** An imported artefact that is not a servable ONNX model: unreadable, too large, wrong input or output. */
    MODEL_INVALID_ARTEFACT,
    /** Too few stored bars in an import's calibration range to calibrate the intervals. */
    MODEL_NO_CALIBRATION_DATA,
    /** Too few stored bars (or bars that moved) in a training range to fit the model. */
    MODEL_NO_TRAINING_DATA,
    BACKTEST_INVALID_INPUT,
    BACKTEST_NO_DATA
}
