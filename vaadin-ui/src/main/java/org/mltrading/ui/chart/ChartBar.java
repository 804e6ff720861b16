package org.mltrading.ui.chart;

/**
 * One candle as the chart draws it: start of the bar in epoch seconds (UTC) and prices/volume as
 * doubles. Doubles only here, at the drawing edge: the chart library plots numbers; the exact
 * decimals stay in the view models.
 */
public record ChartBar(long time, double open, double high, double low, double close, double volume) {
}
