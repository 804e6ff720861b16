package org.mltrading.api.model;

import java.util.List;

/**
 * Import a model trained elsewhere as ONNX (ADMIN or RISK_OFFICER). Handled by the ML bridge, which
 * checks the artefact with ONNX Runtime, calibrates the 80 % and 95 % intervals on the stored bars of
 * {@code calibration} and registers the version with {@link RegisterOnnxModelVersionCommand}.
 * Answer: the registered version number. Refusals: {@link ModelRejection} with
 * {@code MODEL_INVALID_ARTEFACT}, {@code MODEL_INVALID_INPUT} or {@code MODEL_NO_CALIBRATION_DATA}.
 *
 * @param features    platform feature names (see the bridge's {@code Features}), in the order of the
 *                    model's input columns
 * @param calibration bars whose forecasts calibrate the intervals; they should be bars the model was
 *                    not trained on, or the intervals come out too narrow
 * @param longOnly    whether backtests of the version stay long or flat
 */
public record ImportOnnxModelCommand(String name, int version, List<String> features, OnnxArtefact artefact,
                                     TrainingRange calibration, String description, boolean longOnly) {
}
