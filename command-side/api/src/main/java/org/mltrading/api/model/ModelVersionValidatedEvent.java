package org.mltrading.api.model;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A validation backtest was recorded for a version. {@code passed} and {@code failures} are the verdict
 * of the thresholds in force at the time; promotion checks the thresholds in force when it is asked.
 */
@Revision("1")
public record ModelVersionValidatedEvent(ModelId modelId, int version, String backtestId, BacktestMetrics metrics,
                                         boolean passed, List<String> failures, Instant validatedAt) {
}
