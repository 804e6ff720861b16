package org.mltrading.query.model;

import java.sql.SQLException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.api.model.PredictionScoredEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.stereotype.Component;
import org.mltrading.query.stream.ChangeLog;

/**
 * Projects predictions into QuestDB and streams new ones to subscribers. A failed write throws, so
 * the processor retries the event (the upsert keys make the retry harmless).
 */
@Component
@ProcessingGroup(ProjectionGroups.PREDICTIONS)
class PredictionProjection {

    private final PredictionStore store;
    private final ModelUpdates updates;
    private final PredictionChangeLog changes;

    PredictionProjection(PredictionStore store, ModelUpdates updates, PredictionChangeLog changes) {
        this.store = store;
        this.updates = updates;
        this.changes = changes;
    }

    /** Logged under its cursor (predictions stream), stored with it, announced once the log entry is written. */
    @EventHandler
    void on(PredictionMadeEvent event) throws SQLException {
        Prediction p = event.prediction();
        PredictionRow made = row(p, closeOf(p), null, null, null, null);
        PredictionRow row = changes.log().record(p.symbol(), p.predictionId(), 0, made::withCursor);
        store.write(row);
        ChangeLog.afterLogged(() -> updates.predicted(row));
    }

    /** The scored row replaces the made one and keeps its cursor (a score is not a new change of the stream). */
    @EventHandler
    void on(PredictionScoredEvent event) throws SQLException {
        Prediction p = event.prediction();
        store.write(row(p, closeOf(p), event.realisedReturn(), event.directionHit(), event.within80(), event.within95())
                .withCursor(changes.log().cursorOf(p.predictionId(), 0)));
    }

    /** Predictions are stamped with the close of their bar, the moment they speak for. */
    private static java.time.Instant closeOf(Prediction p) {
        return p.barTime().plus(p.interval().length());
    }

    private static PredictionRow row(Prediction p, java.time.Instant madeAt, Double realised, Boolean hit,
                                     Boolean within80, Boolean within95) {
        return new PredictionRow(p.predictionId(), p.symbol(), p.modelVersion(), p.interval(), p.barTime(), madeAt,
                p.value(), p.lower80(), p.upper80(), p.lower95(), p.upper95(), realised, hit, within80, within95, 0L);
    }
}
