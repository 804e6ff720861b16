package org.mltrading.api.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * The history a model version was fitted on: bars of {@code symbol} at {@code interval} whose start
 * time lies in [from, to] (UTC).
 */
public record TrainingRange(String symbol, BarInterval interval, Instant from, Instant to) {
}
