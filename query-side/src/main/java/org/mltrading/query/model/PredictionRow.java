package org.mltrading.query.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * A stored prediction (QuestDB {@code predictions}); the outcome fields are null until it is scored.
 * Values are log returns (≈ fractions).
 */
record PredictionRow(String id, String symbol, String modelVersion, BarInterval interval, Instant barTime,
                     Instant time, double value, double lower80, double upper80, double lower95, double upper95,
                     Double realisedReturn, Boolean directionHit, Boolean within80, Boolean within95, long cursor) {

    /** The same prediction as logged under {@code newCursor} in the {@code predictions} stream. */
    PredictionRow withCursor(long newCursor) {
        return new PredictionRow(id, symbol, modelVersion, interval, barTime, time, value, lower80, upper80, lower95,
                upper95, realisedReturn, directionHit, within80, within95, newCursor);
    }
}
