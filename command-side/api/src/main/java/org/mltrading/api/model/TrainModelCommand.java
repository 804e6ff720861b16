package org.mltrading.api.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * Fit a new version of a model of {@code kind} on the stored bars of {@code symbol} in [from, to] (and,
 * for SENTIMENT, the symbol's sentiment series) and register it (handled by the ML bridge; answers the
 * registered {@link ModelVersionSpec}) as {@code version} of the model {@code name}.
 */
public record TrainModelCommand(String name, int version, ModelKind kind, String symbol, BarInterval interval,
                                Instant from, Instant to) {
}
