package org.mltrading.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.query.projection.BatchedDocuments;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Extends the audit hash chain by every event the store delivers, in delivery order, and signs a
 * checkpoint every {@code platform.audit.checkpoint-every} entries or when
 * {@code platform.audit.checkpoint-interval} has passed since the last one (the first entry after a
 * start is always signed). A processor batch's entries are written with one bulk insert at the batch's
 * last event, before its token. The chain's tracking token lives in MongoDB with the entries, so a lost
 * write rolls both back and the events are chained again, identically. Never replayed: a reset
 * would re-chain in a new order and orphan the signed checkpoints. See docs/adr/0012-audit-hash-chain.md.
 */
@Component
@ProcessingGroup(ProjectionGroups.AUDIT_CHAIN)
@DisallowReplay
class AuditChainProjection {

    private final MongoTemplate mongo;
    private final Serializer eventSerializer;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final long checkpointEvery;
    private final Duration checkpointInterval;
    private final ObjectMapper json = new ObjectMapper();
    private final String pendingKey = AuditChainProjection.class.getName() + "/pending/" + System.identityHashCode(this);

    /** Head of the chain as far as this processor knows; loaded from MongoDB before the first event. */
    private AuditChainEntry head;
    private boolean headLoaded;
    /** Set when the head is loaded: until an event is found unchained, each event is looked up first. */
    private boolean checkRedeliveries;
    private long lastCheckpointSequence;
    private Instant lastCheckpointAt;

    @org.springframework.beans.factory.annotation.Autowired
    AuditChainProjection(MongoTemplate mongo, @Qualifier("eventSerializer") Serializer eventSerializer,
                         CheckpointSigner signer, org.springframework.beans.factory.ObjectProvider<Clock> clock,
                         @Value("${platform.audit.checkpoint-every}") long checkpointEvery,
                         @Value("${platform.audit.checkpoint-interval}") Duration checkpointInterval) {
        this(mongo, eventSerializer, signer, clock.getIfAvailable(Clock::systemUTC), checkpointEvery, checkpointInterval);
    }

    AuditChainProjection(MongoTemplate mongo, Serializer eventSerializer, CheckpointSigner signer, Clock clock,
                         long checkpointEvery, Duration checkpointInterval) {
        this.mongo = mongo;
        this.eventSerializer = eventSerializer;
        this.signer = signer;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
    }

    @EventHandler
    synchronized void on(Object payload, EventMessage<?> message) {
        if (!headLoaded) {
            ensureIndexes();
            head = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), AuditChainEntry.class);
            headLoaded = true;
            // after a (re)start the token may lag the stored entries: events up to the head come again
            checkRedeliveries = head != null;
        }
        StoredEvent event = StoredEvent.of(message, eventSerializer);
        if (checkRedeliveries) {
            if (mongo.exists(Query.query(Criteria.where("eventId").is(event.eventId())), AuditChainEntry.class)) {
                checkRedeliveries = !event.eventId().equals(head.eventId());
                return; // chained before the token was stored
            }
            checkRedeliveries = false;
        }
        long sequence = head == null ? 1 : head.id() + 1;
        String previousHash = head == null ? AuditHashes.GENESIS : head.hash();
        String digest = AuditHashes.digest(event);
        AuditChainEntry entry = new AuditChainEntry(sequence, event.eventId(), event.aggregateType(),
                event.aggregateId(), event.sequence(), event.type(), event.timestamp(), event.timestamp().toString(), event.actor(),
                event.text(AuditMetadata.ACTOR_TYPE), event.text(AuditMetadata.ROLES), event.flag(AuditMetadata.MFA),
                event.text(AuditMetadata.CORRELATION_ID), event.text(AuditMetadata.CAUSATION_ID),
                accountOf(event), event.payloadText(), digest, previousHash,
                AuditHashes.link(previousHash, digest));
        if (CurrentUnitOfWork.isStarted()) {
            pendingOfBatch().add(entry); // one bulk insert at the batch's last event (BatchedDocuments.atEndOfBatch)
        } else {
            insert(List.of(entry)); // outside a processor (tests): write through
        }
        head = entry;
    }

    /** The batch's entries, written by one ordered bulk insert before the processor stores its token. */
    private List<AuditChainEntry> pendingOfBatch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<AuditChainEntry> pending = root.getResource(pendingKey);
        if (pending == null) {
            List<AuditChainEntry> batch = new ArrayList<>();
            root.resources().put(pendingKey, batch);
            BatchedDocuments.atEndOfBatch(() -> {
                List<AuditChainEntry> entries = List.copyOf(batch);
                batch.clear();
                insert(entries);
            });
            // a failed batch is delivered again: start again from the chain as stored
            root.onRollback(unitOfWork -> resetHead());
            // safety net should the end-of-event interceptor be missing: still before the token
            root.onPrepareCommit(unitOfWork -> {
                List<AuditChainEntry> entries = List.copyOf(batch);
                batch.clear();
                insert(entries);
            });
            pending = batch;
        }
        return pending;
    }

    private synchronized void resetHead() {
        headLoaded = false;
    }

    private void insert(List<AuditChainEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            mongo.insert(entries, AuditChainEntry.class);
        } catch (DuplicateKeyException | BulkOperationException e) {
            resetHead(); // another writer extended the chain, or an entry is there already: reload and retry
            if (entries.size() == 1 && mongo.exists(
                    Query.query(Criteria.where("eventId").is(entries.get(0).eventId())), AuditChainEntry.class)) {
                return; // a single redelivered event outside a processor: already chained
            }
            throw e;
        }
        maybeCheckpoint(entries.get(entries.size() - 1));
    }

    /**
     * The unique event id is what makes a redelivered event a no-op; the others serve the search.
     * Created here because Spring Data does not create annotated indexes unless told to.
     */
    private void ensureIndexes() {
        IndexOperations indexes = mongo.indexOps(AuditChainEntry.class);
        indexes.createIndex(new Index("eventId", Sort.Direction.ASC).unique());
        for (String field : java.util.List.of("aggregateId", "accountId", "actor", "type")) {
            indexes.createIndex(new Index(field, Sort.Direction.ASC));
        }
    }

    private void maybeCheckpoint(AuditChainEntry entry) {
        Instant now = clock.instant();
        boolean due = lastCheckpointAt == null
                || entry.id() - lastCheckpointSequence >= checkpointEvery
                || Duration.between(lastCheckpointAt, now).compareTo(checkpointInterval) >= 0;
        if (due) {
            mongo.save(signer.sign(entry.id(), entry.hash(), now));
            lastCheckpointSequence = entry.id();
            lastCheckpointAt = now;
        }
    }

    /** The account an event concerns: the aggregate itself for account events, else its accountId field. */
    private String accountOf(StoredEvent event) {
        if (event.aggregateType() != null && event.aggregateType().startsWith("Account")) {
            return event.aggregateId();
        }
        try {
            JsonNode accountId = json.readTree(event.payload()).get("accountId");
            return accountId != null && accountId.isTextual() ? accountId.asText() : null;
        } catch (IOException e) {
            return null; // not JSON (another serializer): searchable by aggregate only
        }
    }
}
