package org.mltrading.api.model;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A PRODUCTION model predicted; {@code features} are the inputs it saw (provenance). */
@Revision("1")
public record PredictionMadeEvent(Prediction prediction, Map<String, Double> features, Instant madeAt) {
}
