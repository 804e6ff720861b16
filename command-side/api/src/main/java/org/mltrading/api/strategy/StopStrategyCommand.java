package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a strategy: it places no further orders. Stopping a stopped strategy is a no-op. */
public record StopStrategyCommand(@TargetAggregateIdentifier StrategyId strategyId, String reason) {

    /** Reason given when the strategy's model version leaves PRODUCTION. */
    public static String modelRetired(int modelVersion, String why) {
        return "MODEL_RETIRED: version " + modelVersion + " left production"
                + (why == null || why.isBlank() ? "" : " (" + why + ")");
    }
}
