package org.mltrading.query.model;

import java.time.Instant;
import java.util.List;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.EquityPoint;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model of a backtest in MongoDB ({@code backtests}): request, state, progress and result. */
@Document("backtests")
public class BacktestView {

    /** PENDING → RUNNING → COMPLETED or FAILED; a state never goes back (replays stay exact). */
    public enum Status { PENDING, RUNNING, COMPLETED, FAILED }

    @Id
    String id;
    String modelId;
    String modelName;
    int version;
    String symbol;
    BarInterval interval;
    Instant from;
    Instant to;
    Status status;
    String reason;
    int barsProcessed;
    Integer barsTotal;
    BacktestMetrics metrics;
    List<EquityPoint> equity = List.of();
    Instant requestedAt;
    Instant completedAt;
}
