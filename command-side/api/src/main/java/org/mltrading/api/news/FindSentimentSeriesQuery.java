package org.mltrading.api.news;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * The sentiment series of a symbol on the bar grid of [from, to) (answered by the query side from its
 * time-series store; response: a list of {@link SentimentPoint}, one per bar, ascending).
 */
public record FindSentimentSeriesQuery(String symbol, BarInterval interval, Instant from, Instant to) {
}
