package org.mltrading.query.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of a paper strategy in MongoDB ({@code strategies}). Quantities are units of the
 * instrument (signed for position and open quantity); {@code entryThreshold} is a fraction of log
 * return. {@code lastSequence} is the aggregate sequence of the last applied event, so replays apply
 * each event once.
 */
@Document("strategies")
public class StrategyView {

    @Id
    String id;
    @Indexed
    String accountId;
    String modelId;
    String modelName;
    int modelVersion;
    String symbol;
    BigDecimal orderQuantity;
    BigDecimal maxPosition;
    double entryThreshold;
    boolean longOnly;
    boolean active;
    String reason;
    String startedBy;
    Instant startedAt;
    String stoppedBy;
    Instant stoppedAt;
    String stopReason;
    BigDecimal position = BigDecimal.ZERO;
    /** Signed units each open order may still add, by order id. */
    Map<String, BigDecimal> openOrders = new HashMap<>();
    int ordersDecided;
    long lastSequence = -1;

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String modelId() {
        return modelId;
    }

    public int modelVersion() {
        return modelVersion;
    }

    public String symbol() {
        return symbol;
    }

    public boolean active() {
        return active;
    }

    BigDecimal openQuantity() {
        return openOrders.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
