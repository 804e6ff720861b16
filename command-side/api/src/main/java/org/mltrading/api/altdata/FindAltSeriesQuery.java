package org.mltrading.api.altdata;

import java.time.Instant;

/**
 * Observations of an alternative-data series with times in [from, to], ascending (answered by the query
 * side from its time-series store; response: a list of {@link AltObservation}): the series' rows for
 * {@code symbol} when it has any there, else its market-wide rows.
 */
public record FindAltSeriesQuery(String series, String symbol, Instant from, Instant to) {
}
