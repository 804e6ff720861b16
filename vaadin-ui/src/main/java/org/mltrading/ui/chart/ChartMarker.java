package org.mltrading.ui.chart;

/**
 * A marker on a candle: the user's order ({@code kind} "order") or fill ({@code kind} "fill"),
 * at the start time (epoch seconds) of the bar it falls into; {@code side} BUY or SELL.
 */
public record ChartMarker(long time, String side, String text, String kind) {
}
