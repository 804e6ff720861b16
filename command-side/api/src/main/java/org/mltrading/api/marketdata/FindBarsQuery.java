package org.mltrading.api.marketdata;

import java.time.Instant;

/**
 * Bars of a symbol whose start time lies in [from, to], ascending (answered by the query side from its
 * time-series store; response: a list of {@link Bar}).
 */
public record FindBarsQuery(String symbol, BarInterval interval, Instant from, Instant to) {
}
