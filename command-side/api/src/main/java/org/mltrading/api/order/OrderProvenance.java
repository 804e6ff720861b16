package org.mltrading.api.order;

import org.mltrading.api.common.StrategyId;

import java.time.Instant;
import java.util.Map;

/**
 * Why an automated order exists: the strategy that placed it and the prediction it acted on, with the
 * inputs the model saw. Carried by the order's own {@code OrderPlacedEvent}, so the order's audit trail
 * answers "which model, which version, which forecast" without a join.
 *
 * @param predictionTime when the prediction was made (the close of the bar starting at {@code barTime})
 * @param value          forecast of the next bar's log return (about a fraction)
 * @param lower          lower bound of its 95 % interval
 * @param upper          upper bound of its 95 % interval
 * @param features       the model's inputs by name, as computed at that close
 */
public record OrderProvenance(StrategyId strategyId, String modelName, int modelVersion, String predictionId,
                              Instant predictionTime, Instant barTime, double value, double lower, double upper,
                              Map<String, Double> features) {

    /** "name@version", as predictions are labelled. */
    public String modelLabel() {
        return modelName + "@" + modelVersion;
    }
}
