package org.mltrading.query.altdata;

import java.time.Instant;

/**
 * One observation of an alternative-data series: its time, the series name ({@code seattle_temp_max}),
 * the value and, when the series is about one instrument, its symbol ("" for market-wide series).
 */
public record AltPoint(Instant time, String series, String symbol, double value) {
}
