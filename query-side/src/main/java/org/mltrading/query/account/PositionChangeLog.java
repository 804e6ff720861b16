package org.mltrading.query.account;

import java.time.Clock;
import java.time.Duration;
import org.mltrading.query.stream.ChangeLog;
import org.mltrading.query.stream.Cursors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code positions} stream's change log ({@code positions_changes}): every position change by account. */
@Component
public class PositionChangeLog {

    public static final String STREAM = "positions";
    static final Cursors CURSORS = new Cursors(STREAM);

    private final ChangeLog<PositionUpdates.PositionChange> log;

    PositionChangeLog(MongoTemplate mongo, @Value("${platform.streams.retention:7d}") Duration retention) {
        this.log = new ChangeLog<>(mongo, STREAM, PositionUpdates.PositionChange.class, "AccountAggregate", retention,
                Clock.systemUTC());
    }

    public ChangeLog<PositionUpdates.PositionChange> log() {
        return log;
    }
}
