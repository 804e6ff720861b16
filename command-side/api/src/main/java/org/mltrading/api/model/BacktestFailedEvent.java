package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A backtest could not run or finish (status FAILED); {@code reason} says why, for humans. */
@Revision("1")
public record BacktestFailedEvent(String backtestId, String reason, Instant failedAt) {
}
