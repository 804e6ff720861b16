package org.mltrading.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.mltrading.api.audit.AuditMetadata;

/**
 * One event as the event store holds it: identity, the payload and metadata bytes exactly as stored
 * (Axon hands out the stored serialized form when asked with the serializer that wrote it, so nothing
 * is re-serialized), and the who/why metadata values.
 *
 * @param payloadType serialized type name, e.g. {@code org.mltrading.api.order.OrderPlacedEvent}
 * @param sequence    position in the aggregate's stream, from 0
 */
public record StoredEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata,
        Map<String, Object> metadataValues) {

    public static StoredEvent of(EventMessage<?> message, Serializer serializer) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        String aggregateType = null;
        String aggregateId = null;
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new StoredEvent(message.getIdentifier(), aggregateType, aggregateId, sequence, message.getTimestamp(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData(),
                new TreeMap<>(message.getMetaData()));
    }

    /** Simple name of the payload type, e.g. {@code OrderPlacedEvent}. */
    public String type() {
        int dot = payloadType.lastIndexOf('.');
        return dot < 0 ? payloadType : payloadType.substring(dot + 1);
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public String actor() {
        return text(AuditMetadata.ACTOR);
    }

    public String text(String key) {
        Object value = metadataValues.get(key);
        return value == null ? null : value.toString();
    }

    public Boolean flag(String key) {
        Object value = metadataValues.get(key);
        return value == null ? null : value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }
}
