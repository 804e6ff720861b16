package org.mltrading.ui.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A live prediction: the next bar's log return (close to close) with its 95 % interval, made at the
 * close of the bar that starts at {@code barTime}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PredictionPoint(String symbol, String modelVersion, String interval, double value, double lower,
                              double upper, Instant barTime) {
}
