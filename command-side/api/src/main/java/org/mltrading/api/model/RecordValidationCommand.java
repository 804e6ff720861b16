package org.mltrading.api.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the backtest that validates a version (its metrics and the backtest's id). */
public record RecordValidationCommand(@TargetAggregateIdentifier ModelId modelId, int version, String backtestId,
                                      BacktestMetrics metrics) {
}
