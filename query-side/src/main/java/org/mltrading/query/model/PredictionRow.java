package org.mltrading.query.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * A stored prediction (QuestDB {@code predictions}); the outcome fields are null until it is scored.
 * Values are log returns (≈ fractions).
 */
record PredictionRow(String id, String symbol, String modelVersion, BarInterval interval, Instant barTime,
                     Instant time, double value, double lower80, double upper80, double lower95, double upper95,
                     Double realisedReturn, Boolean directionHit, Boolean within80, Boolean within95) {
}
