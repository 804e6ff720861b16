package org.mltrading.ui.chart;

/**
 * A predicted close drawn over the candles: at {@code time} (epoch seconds, the start of the
 * predicted bar) the point forecast and its 95 % interval, as prices.
 */
public record ChartPrediction(long time, double value, double lower, double upper) {
}
