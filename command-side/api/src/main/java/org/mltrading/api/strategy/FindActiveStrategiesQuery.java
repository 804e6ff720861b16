package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import org.mltrading.api.model.ModelId;

/**
 * The ACTIVE strategies driven by one model version, in one symbol or (symbol null) in any. Response: a
 * list of {@link StrategyId}. Answered from the strategy read model; it only routes predictions, the
 * Strategy aggregate decides whether it still acts.
 */
public record FindActiveStrategiesQuery(ModelId modelId, int modelVersion, String symbol) {
}
