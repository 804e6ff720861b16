package org.mltrading.query.order;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.mltrading.query.audit.EventHistory;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-memory Axon event store for projection tests that need the orders' own event streams. */
final class OrderStoreFixture {

    private OrderStoreFixture() {
    }

    static EventStore inMemory() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    static OrderTimeTravel timeTravel(MongoTemplate mongo, EventStore store) {
        return new OrderTimeTravel(new EventHistory(store, null, null), new OrderChangeLog(mongo, Duration.ofDays(7)));
    }
}
