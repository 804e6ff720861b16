package org.mltrading.query.order;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Projects order events into {@code orders} and announces every change on {@link OrderUpdates}. */
@Component
@ProcessingGroup(ProjectionGroups.ORDERS)
class OrderProjection {

    private final MongoTemplate mongo;
    private final OrderUpdates updates;

    OrderProjection(MongoTemplate mongo, OrderUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        OrderView existing = mongo.findById(event.orderId().toString(), OrderView.class);
        if (existing != null && existing.lastSequence() >= sequence) {
            return; // replay after a crash or reset: already applied
        }
        var terms = event.terms();
        OrderView view = new OrderView(event.orderId().toString(), event.accountId().value(), event.clientOrderId(),
                terms.symbol(), terms.side(), terms.type(), terms.quantity(), terms.limitPrice(), terms.stopPrice(),
                terms.timeInForce(), terms.expireAt(), OrderStatus.PENDING, null, event.placedAt(), event.placedAt(),
                actor, sequence);
        mongo.save(view);
        updates.publish(view);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrderView.class);
    }

}
