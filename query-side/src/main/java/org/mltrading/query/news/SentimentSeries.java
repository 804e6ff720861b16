package org.mltrading.query.news;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.api.marketdata.BarInterval;
import org.springframework.stereotype.Service;

/**
 * Per-instrument sentiment on the bar grid: for each bar of [from, to), the number of items published
 * in it ({@code sent_count}), their mean mention score ({@code sent_mean}, 0 without items) and the
 * surprise ({@code sent_surprise}): the bar's mean minus the mean of the items of the
 * {@value #SURPRISE_BARS} bars before it (0 when either has no items). Point in time: a bar holds only
 * items published before its close.
 */
@Service
public class SentimentSeries {

    public static final int SURPRISE_BARS = 20;
    public static final int MAX_BARS = 10_000;

    /** One bar of the series. */
    public record Point(Instant time, long count, double mean, double surprise) {
    }

    private final SentimentSeriesStore store;

    SentimentSeries(SentimentSeriesStore store) {
        this.store = store;
    }

    public List<Point> series(String symbol, BarInterval interval, Instant from, Instant to) throws SQLException {
        long length = interval.length().toMillis();
        Instant start = Instant.ofEpochMilli(interval.startOf(from.toEpochMilli()));
        Instant lookback = start.minus(interval.length().multipliedBy(SURPRISE_BARS));
        Map<Instant, SentimentSeriesStore.Bucket> buckets = new HashMap<>();
        store.buckets(symbol, interval, lookback, to).forEach(bucket -> buckets.put(bucket.time(), bucket));
        return points(buckets, lookback, start, to, Duration.ofMillis(length));
    }

    static List<Point> points(Map<Instant, SentimentSeriesStore.Bucket> buckets, Instant lookback, Instant start,
                              Instant to, Duration length) {
        List<Point> points = new ArrayList<>();
        Deque<SentimentSeriesStore.Bucket> window = new ArrayDeque<>();
        long windowCount = 0;
        double windowSum = 0;
        for (Instant time = lookback; time.isBefore(to); time = time.plus(length)) {
            SentimentSeriesStore.Bucket bucket = buckets.getOrDefault(time, new SentimentSeriesStore.Bucket(time, 0, 0));
            if (!time.isBefore(start)) {
                double mean = bucket.count() == 0 ? 0 : bucket.scoreSum() / bucket.count();
                double surprise = bucket.count() == 0 || windowCount == 0 ? 0 : mean - windowSum / windowCount;
                points.add(new Point(time, bucket.count(), mean, surprise));
            }
            window.addLast(bucket);
            windowCount += bucket.count();
            windowSum += bucket.scoreSum();
            if (window.size() > SURPRISE_BARS) {
                SentimentSeriesStore.Bucket gone = window.removeFirst();
                windowCount -= gone.count();
                windowSum -= gone.scoreSum();
            }
        }
        return points;
    }
}
