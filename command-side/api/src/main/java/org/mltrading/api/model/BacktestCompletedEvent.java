package org.mltrading.api.model;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A backtest finished (status COMPLETED); {@code equity} is a down-sampled equity curve. */
@Revision("1")
public record BacktestCompletedEvent(String backtestId, BacktestMetrics metrics, List<EquityPoint> equity,
                                     Instant completedAt) {
}
