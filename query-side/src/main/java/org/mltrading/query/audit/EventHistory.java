package org.mltrading.query.audit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads the event store itself (never a read model): one aggregate's stream, or the whole history in
 * global order. Through Axon's EventStore/EventStorageEngine, so it reads the embedded JPA store and
 * Axon Server alike.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;
    private final Serializer eventSerializer;

    @org.springframework.beans.factory.annotation.Autowired
    EventHistory(EventStore eventStore, ObjectProvider<EventStorageEngine> storageEngine,
                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        this(eventStore, storageEngine.getIfAvailable(), eventSerializer);
    }

    /** @param storageEngine the store's engine, or null to read through the EventStore's streams */
    public EventHistory(EventStore eventStore, EventStorageEngine storageEngine, Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
        this.eventSerializer = eventSerializer;
    }

    /** The aggregate's events in sequence order with their payloads; empty for an unknown id. */
    public List<DomainEventMessage<?>> aggregate(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    /** The aggregate's events from {@code firstSequence} (inclusive) on, in order. */
    public List<DomainEventMessage<?>> aggregate(String aggregateId, long firstSequence) {
        return eventStore.readEvents(aggregateId, firstSequence).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    public StoredEvent stored(DomainEventMessage<?> event) {
        return StoredEvent.of(event, eventSerializer);
    }

    /** Every stored event, oldest global position first. */
    public void forEach(Consumer<StoredEvent> consumer) {
        if (storageEngine != null) {
            try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
                events.forEach(event -> consumer.accept(StoredEvent.of(event, eventSerializer)));
            }
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                consumer.accept(StoredEvent.of(events.nextAvailable(), eventSerializer));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event history", e);
        }
    }
}
