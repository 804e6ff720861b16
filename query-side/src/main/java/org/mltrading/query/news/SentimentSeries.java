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
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.news.FindSentimentSeriesQuery;
import org.mltrading.api.news.SentimentPoint;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
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

    private static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");
    private static final java.time.LocalTime US_CLOSE = java.time.LocalTime.of(16, 0);

    private final SentimentSeriesStore store;
    private final InstrumentCatalog instruments;

    SentimentSeries(SentimentSeriesStore store, InstrumentCatalog instruments) {
        this.store = store;
        this.instruments = instruments;
    }

    /** The series for the ML bridge (features of models that use sentiment): one point per bar of [from, to). */
    @QueryHandler
    List<SentimentPoint> handle(FindSentimentSeriesQuery query) throws SQLException {
        return series(query.symbol(), query.interval(), query.from(), query.to()).stream()
                .map(point -> new SentimentPoint(point.time(), point.count(), point.mean(), point.surprise())).toList();
    }

    public List<Point> series(String symbol, BarInterval interval, Instant from, Instant to) throws SQLException {
        long length = interval.length().toMillis();
        Instant start = Instant.ofEpochMilli(interval.startOf(from.toEpochMilli()));
        Instant lookback = start.minus(interval.length().multipliedBy(SURPRISE_BARS));
        Map<Instant, SentimentSeriesStore.Bucket> buckets = new HashMap<>();
        if (interval == BarInterval.ONE_DAY && closesInNewYork(symbol)) {
            // a US equity's daily bar closes at 16:00 New York: items after the close belong to the next
            // day's bar (point in time), so hourly buckets are summed per trading day, not per UTC day
            store.buckets(symbol, BarInterval.ONE_HOUR, lookback.minus(Duration.ofDays(1)), to)
                    .forEach(hour -> buckets.merge(tradingDay(hour.time()), hour, (a, b) ->
                            new SentimentSeriesStore.Bucket(a.time(), a.count() + b.count(), a.scoreSum() + b.scoreSum())));
        } else {
            store.buckets(symbol, interval, lookback, to).forEach(bucket -> buckets.put(bucket.time(), bucket));
        }
        return points(buckets, lookback, start, to, Duration.ofMillis(length));
    }

    private boolean closesInNewYork(String symbol) {
        return instruments.find(symbol).map(i -> (i.assetClass() == org.mltrading.api.marketdata.AssetClass.EQUITY
                || i.assetClass() == org.mltrading.api.marketdata.AssetClass.ETF) && "USD".equals(i.currency())).orElse(false);
    }

    /** The daily bar (00:00 UTC of its date, as daily bars are stored) an hour starting at {@code hour} counts in. */
    static Instant tradingDay(Instant hour) {
        java.time.ZonedDateTime local = hour.atZone(NEW_YORK);
        java.time.LocalDate day = local.toLocalTime().isBefore(US_CLOSE) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
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
