package org.mltrading.ui.chart;

/**
 * One bar of the news-sentiment pane under the candles: the bar's start (epoch seconds), the mean score
 * of the instrument's news published in it ([−1, 1]) and how many items that is (0: no bar drawn).
 */
public record ChartSentiment(long time, double value, long count) {
}
