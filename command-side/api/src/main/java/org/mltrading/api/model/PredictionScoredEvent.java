package org.mltrading.api.model;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The outcome of a prediction became known at the next bar's close: the realised log return, whether
 * the predicted direction was right (a zero prediction never hits) and whether the intervals held it.
 */
@Revision("1")
public record PredictionScoredEvent(Prediction prediction, double realisedReturn, boolean directionHit,
                                    boolean within80, boolean within95, Instant scoredAt) {
}
