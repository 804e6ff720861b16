package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A backtest loaded its bars and runs (status RUNNING). */
@Revision("1")
public record BacktestStartedEvent(String backtestId, int barsTotal, Instant startedAt) {
}
