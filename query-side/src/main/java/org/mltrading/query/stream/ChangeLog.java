package org.mltrading.query.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.mltrading.query.projection.BatchedDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The durable, ordered log of the changes a projection announces on one stream (orders, positions,
 * predictions), so a subscriber that was away can resume after the last change it saw (issue 16,
 * durable subscriptions). Each change gets the next <em>cursor</em>: a number that only grows in the
 * order the changes are announced (the projection's processing order, not the event store's global
 * index, which commits out of order). Cursors are not consecutive: a batch that fails and is retried
 * takes new ones.
 *
 * <p>Entries are written at the end of the projection's batch, <em>before</em> its documents and its
 * token ({@link BatchedDocuments#firstAtEndOfBatch}): a change a subscriber saw live is always in the
 * log. A rebuild of the projection (an Axon replay) appends nothing — its changes are logged already —
 * and finds each change's cursor in the log again ({@link #cursorOf}). Entries older than the retention
 * are pruned; the highest pruned cursor is kept, so a cursor below it is known to be expired.
 *
 * <p>One processing thread per stream appends (a projection's single segment). The next cursor is read
 * from the log at the first batch and again after a batch that failed, not at every batch (a sorted read
 * that the embedded MongoDB answers by scanning the whole log): a segment that moved to another node and
 * back collides on an entry's unique cursor, fails its batch and continues above the log on the retry.
 */
public final class ChangeLog<T> {

    /** Where the stream's highest pruned cursor is kept, by stream name. */
    static final String RETENTION = "stream_retention";

    private final MongoTemplate mongo;
    private final String stream;
    private final String collection;
    private final Class<T> type;
    private final String aggregateType;
    private final Duration retention;
    private final Clock clock;
    private final String resourceKey;
    private volatile long next = -1;
    /** False until the log's head was read, and again after a failed batch (the log may have grown elsewhere). */
    private volatile boolean headKnown;
    private Instant lastPrune = Instant.EPOCH;

    /** A logged change: its cursor, the subscription key it belongs to (account, symbol) and the value. */
    public record Change<T>(long cursor, String key, T value) {
    }

    /**
     * @param stream        the stream's name, also the cursors' prefix ({@code orders})
     * @param aggregateType Axon's aggregate type of the entities (for a rebuild's lookups), or null
     */
    public ChangeLog(MongoTemplate mongo, String stream, Class<T> type, String aggregateType, Duration retention,
                     Clock clock) {
        this.mongo = mongo;
        this.stream = stream;
        this.collection = stream + "_changes";
        this.type = type;
        this.aggregateType = aggregateType;
        this.retention = retention;
        this.clock = clock;
        this.resourceKey = ChangeLog.class.getName() + "/" + stream + "/" + System.identityHashCode(this);
        mongo.indexOps(collection).ensureIndex(new Index().on("key", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                .named("key_cursor"));
        mongo.indexOps(collection).ensureIndex(new Index().on("entity", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("entity_sequence"));
        mongo.indexOps(collection).ensureIndex(new Index().on("at", Sort.Direction.ASC).named("at"));
    }

    public String stream() {
        return stream;
    }

    public Cursors cursors() {
        return new Cursors(stream);
    }

    /** True while the current event is redelivered by a rebuild (its change is logged already). */
    public static boolean replaying() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        return message != null && ReplayToken.isReplay(message);
    }

    /**
     * Logs a change of {@code entityId} at aggregate {@code sequence} under the next cursor (its entry is
     * written at the end of the batch); in a rebuild it takes the cursor it was logged with (0 when that
     * is older than the retention).
     *
     * @param withCursor the change as it shows the cursor it gets
     * @return the change with its cursor
     */
    public T record(String key, String entityId, long sequence, LongFunction<T> withCursor) {
        if (replaying()) {
            return withCursor.apply(cursorOf(entityId, sequence));
        }
        Batch batch = batch();
        long cursor = ++next;
        T value = withCursor.apply(cursor);
        Document entry = new Document("_id", cursor).append("key", key).append("entity", entityId)
                .append("seq", sequence).append("at", Date.from(clock.instant()));
        Document body = new Document();
        mongo.getConverter().write(value, body);
        body.remove("_class");
        entry.append("change", body);
        if (batch == null) {
            mongo.insert(entry, collection);
        } else {
            batch.entries.add(entry);
        }
        return value;
    }

    /**
     * Runs {@code announce} once the batch's log entries are written (at once outside a batch): a change
     * that is not written to a document of its own (a QuestDB row) is announced only when it is logged.
     */
    public static void afterLogged(Runnable announce) {
        if (CurrentUnitOfWork.isStarted()) {
            BatchedDocuments.atEndOfBatch(announce);
        } else {
            announce.run();
        }
    }

    /** The cursor a rebuild finds for a change, from one lookup of the batch's entities (0 if pruned). */
    public long cursorOf(String entityId, long sequence) {
        UnitOfWork<?> root = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        Map<String, Long> known = root == null ? null : root.getOrComputeResource(resourceKey + "/rebuild",
                k -> prefetch(root));
        if (known != null && known.containsKey(entityId + "@" + sequence)) {
            return known.get(entityId + "@" + sequence);
        }
        Document found = mongo.findOne(Query.query(Criteria.where("entity").is(entityId).and("seq").is(sequence)),
                Document.class, collection);
        return found == null ? 0 : ((Number) found.get("_id")).longValue();
    }

    private Map<String, Long> prefetch(UnitOfWork<?> root) {
        Map<String, Long> known = new HashMap<>();
        if (aggregateType == null || !(root instanceof BatchingUnitOfWork<?> batching)) {
            return known;
        }
        Set<String> ids = new HashSet<>();
        for (Object message : batching.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && aggregateType.equals(event.getType())) {
                ids.add(event.getAggregateIdentifier());
            }
        }
        Query query = Query.query(Criteria.where("entity").in(ids));
        query.fields().include("_id", "entity", "seq");
        for (Document entry : mongo.find(query, Document.class, collection)) {
            known.put(entry.getString("entity") + "@" + ((Number) entry.get("seq")).longValue(),
                    ((Number) entry.get("_id")).longValue());
        }
        return known;
    }

    /** The changes of {@code key} after {@code cursor}, oldest first, at most {@code limit}. */
    public List<Change<T>> after(String key, long cursor, int limit) {
        return after(Set.of(key), cursor, limit);
    }

    /** The changes of any of {@code keys} after {@code cursor}, oldest first, at most {@code limit}. */
    public List<Change<T>> after(Set<String> keys, long cursor, int limit) {
        Query query = Query.query((keys.size() == 1 ? Criteria.where("key").is(keys.iterator().next())
                        : Criteria.where("key").in(keys)).and("_id").gt(cursor))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit);
        List<Change<T>> changes = new ArrayList<>();
        for (Document entry : mongo.find(query, Document.class, collection)) {
            changes.add(new Change<>(((Number) entry.get("_id")).longValue(), entry.getString("key"),
                    mongo.getConverter().read(type, (Document) entry.get("change"))));
        }
        return changes;
    }

    /** The highest cursor handed out so far (0 when none). */
    public long head() {
        Document last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
                collection);
        long stored = last == null ? 0 : ((Number) last.get("_id")).longValue();
        return Math.max(stored, Math.max(next, prunedThrough()));
    }

    /** The highest cursor removed by the retention: resuming after a lower one would miss changes. */
    public long prunedThrough() {
        Document retained = mongo.findById(stream, Document.class, RETENTION);
        return retained == null ? 0 : ((Number) retained.get("prunedThrough")).longValue();
    }

    /** Removes the entries older than the retention and remembers the highest cursor removed. */
    public void prune() {
        Date before = Date.from(clock.instant().minus(retention));
        Query old = Query.query(Criteria.where("at").lt(before)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        old.fields().include("_id");
        Document newest = mongo.findOne(old, Document.class, collection);
        if (newest == null) {
            return;
        }
        long through = ((Number) newest.get("_id")).longValue();
        // the mark first: a crash in between leaves entries the mark already calls expired, never the reverse
        mongo.findAndModify(Query.query(Criteria.where("_id").is(stream)), new Update().max("prunedThrough", through),
                FindAndModifyOptions.options().upsert(true), Document.class, RETENTION);
        mongo.remove(Query.query(Criteria.where("_id").lte(through)), collection);
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            headKnown = false; // no batch to tell of failures: read the head every time
            continueAboveLog();
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch existing = root.getResource(resourceKey);
        if (existing != null) {
            return existing;
        }
        Batch batch = new Batch();
        root.resources().put(resourceKey, batch);
        root.onRollback(unitOfWork -> headKnown = false);
        continueAboveLog();
        Runnable flush = () -> {
            if (!batch.entries.isEmpty()) {
                mongo.insert(batch.entries, collection);
                batch.entries.clear();
            }
        };
        BatchedDocuments.firstAtEndOfBatch(flush);
        root.onPrepareCommit(unitOfWork -> flush.run()); // safety net, as BatchedDocuments has one
        return batch;
    }

    /** Reads the log's head when it is not known and prunes at most once an hour. */
    private void continueAboveLog() {
        if (!headKnown) {
            Document last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                    Document.class, collection);
            long stored = last == null ? 0 : ((Number) last.get("_id")).longValue();
            if (next < 0) {
                next = Math.max(stored, prunedThrough());
            }
            next = Math.max(next, stored);
            headKnown = true;
        }
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(Duration.ofHours(1)) >= 0) {
            lastPrune = now;
            prune();
        }
    }

    private static final class Batch {
        private final List<Document> entries = new ArrayList<>();
    }
}
