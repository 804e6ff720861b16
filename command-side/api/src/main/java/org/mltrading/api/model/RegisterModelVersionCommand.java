package org.mltrading.api.model;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a fitted model version. {@code parameters} holds hyper-parameters and fitted values by
 * name; {@code artefactHash} is the SHA-256 (hex) of the artefact that serves it, so what runs in
 * production can be checked against what was validated. Re-sending an identical registration is a no-op.
 */
public record RegisterModelVersionCommand(@TargetAggregateIdentifier ModelId modelId, String name, int version,
                                          ModelKind kind, List<String> features, Map<String, Double> parameters,
                                          TrainingRange training, String artefactHash) {
}
