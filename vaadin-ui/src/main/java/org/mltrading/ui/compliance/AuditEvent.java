package org.mltrading.ui.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;

/** One stored event with its who/why metadata, as the audit queries return it. */
public record AuditEvent(int sequence, String type, Instant timestamp, String actor, String actorType, String roles,
                         String correlationId, String causationId, String eventId, String aggregateId,
                         String aggregateType, JsonNode payload, Integer chainSequence) {

    /** Event time first; events of one instant in chain order, then in their aggregate's order. */
    public static final Comparator<AuditEvent> IN_TIME_ORDER = Comparator
            .comparing(AuditEvent::timestamp, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AuditEvent::chainSequence, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(AuditEvent::sequence);

    /** The payload as compact JSON text, as stored. */
    public String payloadText() {
        return payload == null ? "" : payload.toString();
    }

    /** The payload for reading: fields in words, numbers and times formatted. */
    public String payloadSummary() {
        return EventPayloads.summary(payload);
    }

    /** "Order filled" for {@code OrderFilledEvent}. */
    public String typeLabel() {
        return EventTypes.label(type);
    }
}
