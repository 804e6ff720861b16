package org.mltrading.ui.chart;

/**
 * A marker on a candle: the user's order ({@code kind} "order") or fill ({@code kind} "fill") with
 * {@code side} BUY or SELL, or a news item ({@code kind} "news") with {@code side} its sentiment label
 * (POSITIVE, NEGATIVE, NEUTRAL) — at the start time (epoch seconds) of the bar it falls into.
 */
public record ChartMarker(long time, String side, String text, String kind) {
}
