package org.mltrading.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A model version was registered (status REGISTERED). */
@Revision("1")
public record ModelVersionRegisteredEvent(ModelId modelId, String name, int version, ModelKind kind,
                                          List<String> features, Map<String, Double> parameters,
                                          TrainingRange training, String artefactHash, Instant registeredAt) {
}
