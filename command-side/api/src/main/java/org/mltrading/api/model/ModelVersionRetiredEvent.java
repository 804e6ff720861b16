package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version was retired, by request or because another version of the model was promoted. */
@Revision("1")
public record ModelVersionRetiredEvent(ModelId modelId, int version, String reason, Instant retiredAt) {
}
