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
 * documents of one processor batch are written together ({@link BatchedDocuments}).
 */
@Component
@ProcessingGroup(ProjectionGroups.ORDERS)
class OrderProjection {

    private final MongoTemplate mongo;
    private final OrderUpdates updates;
    private final BatchedDocuments<OrderView> orders;

    OrderProjection(MongoTemplate mongo, OrderUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
        this.orders = new BatchedDocuments<>(mongo, OrderView.class, OrderView::id, "OrderAggregate");
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        OrderView existing = orders.find(event.orderId().toString());
        if (existing != null && existing.lastSequence() >= sequence) {
            return; // replay after a crash or reset: already applied
        }
        OrderView view = OrderStates.next(null, event, sequence, actor);
        orders.save(view, () -> updates.publish(view));
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

    /** Applies a change once: events at or below the stored sequence were already applied. */
    private void update(String orderId, long sequence, Object event) {
        OrderView existing = orders.find(orderId);
        if (existing == null || existing.lastSequence() >= sequence) {
            return;
        }
        OrderView changed = OrderStates.next(existing, event, sequence, null);
        orders.save(changed, () -> updates.publish(changed));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrderView.class);
    }

}
