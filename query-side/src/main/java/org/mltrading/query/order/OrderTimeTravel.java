package org.mltrading.query.order;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.query.audit.EventHistory;
import org.springframework.stereotype.Component;

/**
 * {@code order(id, asOf)}: the order as it was known at an instant, folded from the order's own events
 * in the event store up to that instant (inclusive, by the events' stored timestamps) with the same
 * fold as the live projection; the read model is not consulted.
 */
@Component
class OrderTimeTravel {

    private final EventHistory history;
    private final OrderChangeLog changes;

    OrderTimeTravel(EventHistory history, OrderChangeLog changes) {
        this.history = history;
        this.changes = changes;
    }

    /**
     * The order as its own events before {@code sequence} describe it (cursor not set): what the read
     * model must hold when the event with that sequence number is applied. Empty when there are none.
     */
    Optional<OrderView> before(String orderId, long sequence) {
        OrderView state = null;
        for (DomainEventMessage<?> event : history.aggregate(orderId)) {
            if (event.getSequenceNumber() >= sequence) {
                break;
            }
            Object actor = event.getMetaData().get(AuditMetadata.ACTOR);
            state = OrderStates.next(state, event.getPayload(), event.getSequenceNumber(),
                    actor == null ? null : actor.toString());
        }
        return Optional.ofNullable(state);
    }

    /** Empty when the order did not exist yet at {@code asOf} (or never). */
    Optional<OrderView> asOf(String orderId, Instant asOf) {
        OrderView state = null;
        for (DomainEventMessage<?> event : history.aggregate(orderId)) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object actor = event.getMetaData().get(AuditMetadata.ACTOR);
            state = OrderStates.next(state, event.getPayload(), event.getSequenceNumber(),
                    actor == null ? null : actor.toString());
        }
        // the cursor the change shown was logged with (0 when older than the log's retention)
        return Optional.ofNullable(state).map(order -> order.withCursor(changes.log().cursorOf(order.id(), order.lastSequence())));
    }
}
