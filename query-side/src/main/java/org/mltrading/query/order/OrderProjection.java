package org.mltrading.query.order;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.query.projection.BatchedDocuments;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects order events into {@code orders} and announces every change on {@link OrderUpdates}. The
 * documents of one processor batch are written together ({@link BatchedDocuments}); each change is
 * logged first under its cursor ({@link OrderChangeLog}), so a subscriber can resume after it.
 */
@Component
@ProcessingGroup(ProjectionGroups.ORDERS)
class OrderProjection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderProjection.class);
    private final OrderTimeTravel history;

    private final MongoTemplate mongo;
    private final OrderUpdates updates;
    private final BatchedDocuments<OrderView> orders;
    private final OrderChangeLog changes;

    OrderProjection(MongoTemplate mongo, OrderUpdates updates, OrderChangeLog changes, OrderTimeTravel history) {
        this.history = history;
        this.mongo = mongo;
        this.updates = updates;
        this.changes = changes;
        this.orders = new BatchedDocuments<>(mongo, OrderView.class, OrderView::id, "OrderAggregate");
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        OrderView existing = orders.find(event.orderId().toString());
        if (existing != null && existing.lastSequence() >= sequence) {
            return; // replay after a crash or reset: already applied
        }
        save(OrderStates.next(null, event, sequence, actor));
    }

    @EventHandler
    void on(OrderAcceptedEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    @EventHandler
    void on(OrderFilledEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    @EventHandler
    void on(OrderExpiredEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    @EventHandler
    void on(OrderAmendedEvent event, @SequenceNumber long sequence) {
        update(event.orderId().toString(), sequence, event);
    }

    /**
     * Applies a change once: events at or below the stored sequence were already applied. A change whose
     * predecessor the read model lacks (the order unknown, or an event of it missing in between) is never
     * dropped: the order is first rebuilt from its own events in the event store up to that change. The
     * embedded store has delivered an order's decision before its placement (seen in TradingIT, rarely);
     * the placement, when it arrives, is then recognised as applied.
     */
    private void update(String orderId, long sequence, Object event) {
        OrderView existing = orders.find(orderId);
        if (existing != null && existing.lastSequence() >= sequence) {
            return;
        }
        if (existing == null || existing.lastSequence() < sequence - 1) {
            log.warn("order {}: {} (sequence {}) arrived with the read model at sequence {}; rebuilding the order "
                    + "from its events in the event store", orderId, event.getClass().getSimpleName(), sequence,
                    existing == null ? "none" : existing.lastSequence());
            existing = history.before(orderId, sequence).orElseThrow(() -> new IllegalStateException(
                    "order " + orderId + ": no events before sequence " + sequence + " in the event store"));
        }
        save(OrderStates.next(existing, event, sequence, null));
    }

    /** Logs the change under its cursor, then saves and announces the order as that change shows it. */
    private void save(OrderView changed) {
        OrderView logged = changes.log().record(changed.accountId(), changed.id(), changed.lastSequence(),
                changed::withCursor);
        orders.save(logged, () -> updates.publish(logged));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrderView.class);
    }

}
