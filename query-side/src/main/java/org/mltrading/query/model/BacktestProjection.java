package org.mltrading.query.model;

import java.util.function.Predicate;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mltrading.api.model.BacktestCompletedEvent;
import org.mltrading.api.model.BacktestFailedEvent;
import org.mltrading.api.model.BacktestProgressedEvent;
import org.mltrading.api.model.BacktestRequestedEvent;
import org.mltrading.api.model.BacktestStartedEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects backtest events into {@code backtests}. Backtest events belong to no aggregate (no sequence
 * number), so idempotence comes from the state machine: a state never goes back and progress never
 * shrinks, hence a replayed event changes nothing.
 */
@Component
@ProcessingGroup(ProjectionGroups.BACKTESTS)
class BacktestProjection {

    private final MongoTemplate mongo;
    private final ModelUpdates updates;

    BacktestProjection(MongoTemplate mongo, ModelUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(BacktestRequestedEvent event) {
        if (mongo.findById(event.backtestId(), BacktestView.class) != null) {
            return;
        }
        BacktestView view = new BacktestView();
        view.id = event.backtestId();
        view.modelId = event.modelId().value();
        view.modelName = event.modelName();
        view.version = event.version();
        view.symbol = event.symbol();
        view.interval = event.interval();
        view.from = event.from();
        view.to = event.to();
        view.status = BacktestView.Status.PENDING;
        view.requestedAt = event.requestedAt();
        save(view);
    }

    @EventHandler
    void on(BacktestStartedEvent event) {
        update(event.backtestId(), view -> view.status == BacktestView.Status.PENDING, view -> {
            view.status = BacktestView.Status.RUNNING;
            view.barsTotal = event.barsTotal();
        });
    }

    @EventHandler
    void on(BacktestProgressedEvent event) {
        update(event.backtestId(), view -> view.status == BacktestView.Status.RUNNING
                && event.barsProcessed() > view.barsProcessed, view -> {
            view.barsProcessed = event.barsProcessed();
            view.barsTotal = event.barsTotal();
        });
    }

    @EventHandler
    void on(BacktestCompletedEvent event) {
        update(event.backtestId(), BacktestProjection::unfinished, view -> {
            view.status = BacktestView.Status.COMPLETED;
            view.metrics = event.metrics();
            view.equity = event.equity();
            view.barsProcessed = event.metrics().bars();
            view.barsTotal = event.metrics().bars();
            view.completedAt = event.completedAt();
        });
    }

    @EventHandler
    void on(BacktestFailedEvent event) {
        update(event.backtestId(), BacktestProjection::unfinished, view -> {
            view.status = BacktestView.Status.FAILED;
            view.reason = event.reason();
            view.completedAt = event.failedAt();
        });
    }

    private static boolean unfinished(BacktestView view) {
        return view.status == BacktestView.Status.PENDING || view.status == BacktestView.Status.RUNNING;
    }

    private void update(String id, Predicate<BacktestView> applies, Consumer<BacktestView> change) {
        BacktestView view = mongo.findById(id, BacktestView.class);
        if (view == null || !applies.test(view)) {
            return;
        }
        change.accept(view);
        save(view);
    }

    private void save(BacktestView view) {
        mongo.save(view);
        updates.backtestChanged(view);
    }
}
