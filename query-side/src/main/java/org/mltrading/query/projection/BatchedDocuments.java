package org.mltrading.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The documents a projection changes within one batch of its tracking processor, written with one
 * bulk write at the batch's last event instead of a read and a write per event: a replay of the
 * history touches each document once per batch (ADR 0013).
 *
 * <p>Order matters for durability (ADR 0003): the processor stores its token in the batch's prepare-
 * commit phase, so the documents are written before that — at the last message of the batch, by
 * {@link #endOfEventInterceptor()}, which wraps every event of the projection's processing group: a
 * handler only finds and saves, it cannot forget to end its event. Change callbacks (subscription
 * updates, read-your-writes waits) run only after the write. Outside an Axon unit of work (plain
 * tests) every save writes through at once.
 */
public final class BatchedDocuments<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchedDocuments.class);
    /** Root unit-of-work resource: the flush of every BatchedDocuments used in the batch. */
    private static final String FLUSHES = BatchedDocuments.class.getName() + "/flushes";
    private static final String FIRST_FLUSHES = BatchedDocuments.class.getName() + "/first-flushes";

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<T, String> idOf;
    private final String resourceKey;
    private final String aggregateType;

    public BatchedDocuments(MongoTemplate mongo, Class<T> type, Function<T, String> idOf) {
        this(mongo, type, idOf, null);
    }

    /**
     * Documents keyed by the identifier of an aggregate of {@code aggregateType} (Axon's aggregate type
     * name, e.g. {@code OrderAggregate}): at a batch's first {@link #find}, the documents of every such
     * aggregate in the batch are read with one query, instead of one read per document — in a replay
     * most of them do not exist yet, and each miss was a round trip (a third of an order rebuild's time).
     */
    public BatchedDocuments(MongoTemplate mongo, Class<T> type, Function<T, String> idOf, String aggregateType) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
        this.aggregateType = aggregateType;
        this.resourceKey = BatchedDocuments.class.getName() + "/" + type.getName() + "/" + System.identityHashCode(this);
    }

    /** The current version of a document: as changed earlier in this batch, else as stored. */
    public T find(String id) {
        Batch<T> batch = batch();
        if (batch != null && batch.documents.containsKey(id)) {
            return batch.documents.get(id);
        }
        if (batch != null && batch.prefetched.contains(id)) {
            return batch.stored.get(id); // null: known not to exist
        }
        return mongo.findById(id, type);
    }

    /** Reads the stored documents of the batch's aggregates of {@link #aggregateType} in one query. */
    private void prefetch(UnitOfWork<?> root, Batch<T> batch) {
        if (aggregateType == null || !(root instanceof BatchingUnitOfWork<?> batching)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Object message : batching.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && aggregateType.equals(event.getType())) {
                ids.add(event.getAggregateIdentifier());
            }
        }
        if (ids.size() < 2) {
            return; // a single document: find reads it as before
        }
        for (T document : mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
            batch.stored.put(idOf.apply(document), document);
        }
        batch.prefetched.addAll(ids);
    }

    /** Saves a document; {@code afterWrite} runs once it is written. */
    public void save(T document, Runnable afterWrite) {
        Batch<T> batch = batch();
        if (batch == null) {
            mongo.save(document);
            afterWrite.run();
            return;
        }
        batch.documents.put(idOf.apply(document), document);
        batch.afterWrite.add(afterWrite);
    }

    /**
     * Registered for every processing group that uses BatchedDocuments (see
     * {@code ProjectionTokenStoreConfiguration}): after each event it writes the batch's documents once
     * the event is the batch's last, whatever the handler did or threw.
     */
    public static org.axonframework.messaging.MessageHandlerInterceptor<org.axonframework.eventhandling.EventMessage<?>>
            endOfEventInterceptor() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                for (String list : List.of(FIRST_FLUSHES, FLUSHES)) {
                    List<Runnable> flushes = unitOfWork.root().getResource(list);
                    if (flushes != null) {
                        flushes.forEach(Runnable::run);
                    }
                }
            }
            return result;
        };
    }

    /**
     * Runs {@code flush} at the end of the current processor batch, with the documents' bulk writes and
     * before the token is stored, for projections that write their own way (the audit chain's inserts).
     * The processing group needs {@link #endOfEventInterceptor()}, as every BatchedDocuments user does.
     */
    public static void atEndOfBatch(Runnable flush) {
        CurrentUnitOfWork.get().root().<List<Runnable>>getOrComputeResource(FLUSHES, k -> new ArrayList<>()).add(flush);
    }

    /**
     * Like {@link #atEndOfBatch}, but before every document of the batch is written: for what must be
     * durable before a document shows it (a stream's change log before the document carrying its cursor).
     */
    public static void firstAtEndOfBatch(Runnable flush) {
        CurrentUnitOfWork.get().root().<List<Runnable>>getOrComputeResource(FIRST_FLUSHES, k -> new ArrayList<>()).add(flush);
    }

    private Batch<T> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch<T> existing = root.getResource(resourceKey);
        if (existing != null) {
            return existing;
        }
        Batch<T> batch = new Batch<>();
        root.resources().put(resourceKey, batch);
        prefetch(root, batch);
        root.<List<Runnable>>getOrComputeResource(FLUSHES, k -> new ArrayList<>()).add(() -> flush(batch));
        // safety net: a batch not ended by the interceptor is written here, after the token; a crash in
        // between would skip these changes, so say so
        root.onPrepareCommit(unitOfWork -> {
            if (!batch.documents.isEmpty()) {
                log.warn("{}: {} documents written after the batch's token (no end-of-event interceptor?)",
                        type.getSimpleName(), batch.documents.size());
                flush(batch);
            }
        });
        return batch;
    }

    private void flush(Batch<T> batch) {
        if (batch.documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, type);
        batch.documents.forEach((id, document) ->
                bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), document, FindAndReplaceOptions.options().upsert()));
        bulk.execute();
        List<Runnable> callbacks = new ArrayList<>(batch.afterWrite);
        batch.documents.clear();
        batch.afterWrite.clear();
        callbacks.forEach(Runnable::run);
    }

    private static final class Batch<T> {
        private final Map<String, T> documents = new LinkedHashMap<>();
        /** Prefetched ids (found or not) and the documents found for them, as stored before the batch. */
        private final Set<String> prefetched = new HashSet<>();
        private final Map<String, T> stored = new HashMap<>();
        private final List<Runnable> afterWrite = new ArrayList<>();
    }
}
