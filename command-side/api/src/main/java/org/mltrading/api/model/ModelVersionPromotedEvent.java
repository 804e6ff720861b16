package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A version went into PRODUCTION; its live predictions start with the next bar. */
@Revision("1")
public record ModelVersionPromotedEvent(ModelId modelId, String name, int version, Instant promotedAt) {
}
