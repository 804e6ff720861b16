package org.mltrading.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Read-model documents of one projection, read and written once per batch of events instead of once
 * per event: a tracking processor handles a batch in one unit of work, so a document is loaded the
 * first time an event of the batch needs it, changed in memory by the following ones, and all changed
 * documents go to MongoDB in one unordered bulk of replace-or-insert when the batch commits; the
 * changes are announced after that. This is what makes a rebuild fast (docs/adr/0013-time-travel-replay-reports.md).
 * Outside a unit of work (plain unit tests) every call goes straight to MongoDB.
 *
 * @param <T> the document type (a record with an {@code @Id} that {@code id} returns)
 */
public final class ReadModelBatch<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<T, String> id;
    private final String resourceKey;

    public ReadModelBatch(MongoTemplate mongo, Class<T> type, Function<T, String> id) {
        this.mongo = mongo;
        this.type = type;
        this.id = id;
        this.resourceKey = ReadModelBatch.class.getName() + "/" + type.getName();
    }

    /** The document as this batch last left it, else as stored; null when it does not exist. */
    public T find(String documentId) {
        Pending<T> pending = pending();
        if (pending == null) {
            return mongo.findById(documentId, type);
        }
        return pending.documents.computeIfAbsent(documentId, key -> Optional.ofNullable(mongo.findById(key, type)))
                .orElse(null);
    }

    /** Stores the document with the batch; {@code announce} runs once it is written. */
    public void save(T document, Runnable announce) {
        Pending<T> pending = pending();
        if (pending == null) {
            mongo.save(document);
            announce.run();
            return;
        }
        pending.documents.put(id.apply(document), Optional.of(document));
        pending.changed.put(id.apply(document), document);
        pending.announcements.add(announce);
    }

    private Pending<T> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending<T> created = new Pending<>();
            unitOfWork.onPrepareCommit(uow -> flush(created));
            unitOfWork.afterCommit(uow -> created.announcements.forEach(Runnable::run));
            return created;
        });
    }

    private void flush(Pending<T> pending) {
        if (pending.changed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        pending.changed.forEach((documentId, document) -> bulk.replaceOne(
                Query.query(Criteria.where("_id").is(documentId)), document, FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    private static final class Pending<T> {
        final Map<String, Optional<T>> documents = new LinkedHashMap<>();
        final Map<String, T> changed = new LinkedHashMap<>();
        final List<Runnable> announcements = new ArrayList<>();
    }
}
