package org.mltrading.query.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of the audit hash chain ({@code audit_chain}), also the search index of the event history:
 * the event's identity, who/why metadata and stored payload, its digest and the chained hash.
 *
 * @param id         chain sequence, from 1, in the order the chain processor received the events
 * @param accountId  account the event concerns (its own account or its order's), null when none
 * @param payload    the stored payload (JSON text)
 * @param timestamp  event time as MongoDB keeps it (milliseconds), for range searches
 * @param eventTime  event time exactly as stored (ISO-8601), for reports
 */
@Document("audit_chain")
public record AuditChainEntry(
        @Id long id,
        @Indexed(unique = true) String eventId,
        String aggregateType,
        @Indexed String aggregateId,
        long aggregateSequence,
        @Indexed String type,
        Instant timestamp,
        String eventTime,
        @Indexed String actor,
        String actorType,
        String roles,
        Boolean mfa,
        String correlationId,
        String causationId,
        @Indexed String accountId,
        String payload,
        String digest,
        String previousHash,
        String hash) {
}
