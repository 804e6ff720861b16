package org.mltrading.api.news;

import java.time.Instant;

/**
 * One bar of an instrument's sentiment series: items published in [time, time + interval) ({@code count}),
 * their mean mention score in [−1, 1] ({@code mean}, 0 without items) and the surprise against the items
 * of the 20 bars before ({@code surprise}, 0 when either has none). The features sent_count, sent_mean,
 * sent_surprise.
 */
public record SentimentPoint(Instant time, long count, double mean, double surprise) {
}
