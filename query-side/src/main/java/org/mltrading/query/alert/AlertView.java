package org.mltrading.query.alert;

import java.math.BigDecimal;
import java.time.Instant;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model of an alert ({@code alerts}); {@code lastSequence} makes every projection step idempotent. */
@Document("alerts")
public record AlertView(@Id String id, String owner, AlertKind kind, String symbol, BigDecimal level,
                        AlertDirection direction, boolean repeat, long cooldownSeconds, String note, State state,
                        long episodes, Instant lastTriggeredAt, BigDecimal lastObserved, Instant createdAt,
                        Instant updatedAt, long lastSequence) {

    public enum State { ACTIVE, PAUSED, TRIGGERED, DELETED }

    /** Whether the evaluator should watch it now. */
    boolean armed() {
        return state == State.ACTIVE;
    }
}
