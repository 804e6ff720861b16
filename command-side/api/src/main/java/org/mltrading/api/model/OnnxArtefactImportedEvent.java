package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ONNX artefact of an imported version, stored right after its {@link ModelVersionRegisteredEvent}.
 * The event store keeps the bytes durably (and in the audit trail); the ML bridge reads them from the
 * model's stream when it first serves the version and checks them against {@code artefactHash}.
 */
@Revision("1")
public record OnnxArtefactImportedEvent(ModelId modelId, int version, String artefactHash, OnnxArtefact artefact,
                                        String description, Instant importedAt) {
}
