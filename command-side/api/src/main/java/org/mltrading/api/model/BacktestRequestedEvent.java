package org.mltrading.api.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;
import org.axonframework.serialization.Revision;

/** A backtest was accepted and waits for a runner (status PENDING). */
@Revision("1")
public record BacktestRequestedEvent(String backtestId, ModelId modelId, String modelName, int version,
                                     String symbol, BarInterval interval, Instant from, Instant to,
                                     Instant requestedAt) {
}
