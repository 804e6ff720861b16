package org.mltrading.query.model;

import java.time.Clock;
import java.time.Duration;
import org.mltrading.query.stream.ChangeLog;
import org.mltrading.query.stream.Cursors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code predictions} stream's change log ({@code predictions_changes}): every live prediction by symbol. */
@Component
class PredictionChangeLog {

    static final String STREAM = "predictions";
    static final Cursors CURSORS = new Cursors(STREAM);

    private final ChangeLog<PredictionRow> log;

    PredictionChangeLog(MongoTemplate mongo, @Value("${platform.streams.retention:7d}") Duration retention) {
        // predictions are not aggregate events: a rebuild finds their cursors one by one (none is rebuilt today)
        this.log = new ChangeLog<>(mongo, STREAM, PredictionRow.class, null, retention, Clock.systemUTC());
    }

    ChangeLog<PredictionRow> log() {
        return log;
    }
}
