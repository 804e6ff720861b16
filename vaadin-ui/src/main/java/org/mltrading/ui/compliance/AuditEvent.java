package org.mltrading.ui.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored event with its who/why metadata, as the audit queries return it. */
public record AuditEvent(int sequence, String type, Instant timestamp, String actor, String actorType, String roles,
                         String correlationId, String causationId, String eventId, String aggregateId,
                         String aggregateType, JsonNode payload, Integer chainSequence) {

    /** The payload as compact JSON text, for a grid cell. */
    public String payloadText() {
        return payload == null ? "" : payload.toString();
    }
}
