package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.model.Prediction;

/** Offer a live prediction of the strategy's model to the strategy, which may decide an order on it. */
public record ActOnPredictionCommand(@TargetAggregateIdentifier StrategyId strategyId, Prediction prediction,
                                     Map<String, Double> features, Instant madeAt) {
}
