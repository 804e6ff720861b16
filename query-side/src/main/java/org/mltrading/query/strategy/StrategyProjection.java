package org.mltrading.query.strategy;

import java.math.BigDecimal;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.Side;
import org.mltrading.api.strategy.StrategyFillRecordedEvent;
import org.mltrading.api.strategy.StrategyOrderDecidedEvent;
import org.mltrading.api.strategy.StrategyOrderEndedEvent;
import org.mltrading.api.strategy.StrategyStartedEvent;
import org.mltrading.api.strategy.StrategyStoppedEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects strategy events into {@code strategies}, folding them with the Strategy aggregate's rules
 * (position from fills, open units per order until it fills or ends).
 */
@Component
@ProcessingGroup(ProjectionGroups.STRATEGIES)
class StrategyProjection {

    private final MongoTemplate mongo;

    StrategyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(StrategyStartedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        if (mongo.findById(event.strategyId().value(), StrategyView.class) != null) {
            return; // replayed
        }
        StrategyView view = new StrategyView();
        view.id = event.strategyId().value();
        view.accountId = event.accountId().value();
        view.modelId = event.modelId().value();
        view.modelName = event.modelName();
        view.modelVersion = event.modelVersion();
        view.symbol = event.symbol();
        view.orderQuantity = event.parameters().orderQuantity();
        view.maxPosition = event.parameters().maxPosition();
        view.entryThreshold = event.parameters().entryThreshold();
        view.longOnly = event.parameters().longOnly();
        view.active = true;
        view.reason = event.reason();
        view.startedBy = actor;
        view.startedAt = event.startedAt();
        view.lastSequence = sequence;
        mongo.save(view);
    }

    @EventHandler
    void on(StrategyStoppedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event.strategyId().value(), sequence, view -> {
            view.active = false;
            view.stoppedBy = actor;
            view.stoppedAt = event.stoppedAt();
            view.stopReason = event.reason();
        });
    }

    @EventHandler
    void on(StrategyOrderDecidedEvent event, @SequenceNumber long sequence) {
        BigDecimal quantity = event.terms().quantity();
        update(event.strategyId().value(), sequence, view -> {
            view.ordersDecided++;
            view.openOrders.put(event.orderId().toString(), event.terms().side() == Side.BUY ? quantity : quantity.negate());
        });
    }

    @EventHandler
    void on(StrategyFillRecordedEvent event, @SequenceNumber long sequence) {
        update(event.strategyId().value(), sequence, view -> {
            view.position = event.position();
            // the same rule as the aggregate: a fill after its order's end only moves the position
            view.openOrders.computeIfPresent(event.orderId().toString(), (id, left) -> {
                BigDecimal remaining = left.subtract(event.signedQuantity());
                return remaining.signum() == 0 || remaining.signum() != left.signum() ? null : remaining;
            });
        });
    }

    @EventHandler
    void on(StrategyOrderEndedEvent event, @SequenceNumber long sequence) {
        update(event.strategyId().value(), sequence, view -> view.openOrders.remove(event.orderId().toString()));
    }

    private void update(String id, long sequence, Consumer<StrategyView> change) {
        StrategyView view = mongo.findById(id, StrategyView.class);
        if (view == null || view.lastSequence >= sequence) {
            return;
        }
        change.accept(view);
        view.lastSequence = sequence;
        mongo.save(view);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(StrategyView.class);
    }
}
