package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** How far a running backtest got (published in steps, not per bar). */
@Revision("1")
public record BacktestProgressedEvent(String backtestId, int barsProcessed, int barsTotal, Instant at) {
}
