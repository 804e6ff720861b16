package org.mltrading.api.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * A model's forecast of the next bar's log return (close to close; ≈ the fraction 0.01 = 1 %) made at
 * the close of the bar starting at {@code barTime}, with split-conformal 80 % and 95 % intervals.
 */
public record Prediction(String predictionId, String symbol, BarInterval interval, ModelId modelId,
                         String modelName, int version, Instant barTime, double value, double lower80,
                         double upper80, double lower95, double upper95) {

    /** "name@version", the label streamed to clients. */
    public String modelVersion() {
        return modelName + "@" + version;
    }
}
