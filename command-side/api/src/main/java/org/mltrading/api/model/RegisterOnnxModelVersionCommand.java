package org.mltrading.api.model;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register an imported ONNX version together with its artefact, so the bytes that will be served are
 * stored in the model's event stream in the same unit of work as the registration (kind ONNX, hash =
 * SHA-256 of the bytes). Sent by the ML bridge once the artefact is checked and calibrated; the same
 * registration again is a no-op.
 *
 * @param calibration the bars the intervals were calibrated on (the version's training range)
 */
public record RegisterOnnxModelVersionCommand(@TargetAggregateIdentifier ModelId modelId, String name, int version,
                                              List<String> features, Map<String, Double> parameters,
                                              TrainingRange calibration, OnnxArtefact artefact,
                                              String description) {
}
