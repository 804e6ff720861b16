package org.mltrading.ml.feature;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.news.FindSentimentSeriesQuery;
import org.mltrading.api.news.SentimentPoint;

/**
 * The news sentiment of bars, from the query side's series (an Axon query, like bars): rows of
 * {count, mean, surprise} for {@link Features#sentiment}. Point-in-time because the series is: a bar
 * holds only items published before its close.
 */
public final class BarSentiment {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queries;

    public BarSentiment(QueryGateway queries) {
        this.queries = queries;
    }

    /** One row per bar (same order), null rows where the series has no bar; bars of one symbol and interval. */
    public double[][] alignedWith(List<Bar> bars) throws InterruptedException, ExecutionException, TimeoutException {
        double[][] rows = new double[bars.size()][];
        if (bars.isEmpty()) {
            return rows;
        }
        Bar first = bars.get(0);
        Bar last = bars.get(bars.size() - 1);
        Map<Instant, SentimentPoint> points = new HashMap<>();
        for (SentimentPoint point : series(first.symbol(), first.interval(), first.time(),
                last.time().plus(first.interval().length()))) {
            points.put(point.time(), point);
        }
        for (int i = 0; i < bars.size(); i++) {
            SentimentPoint point = points.get(bars.get(i).time());
            rows[i] = point == null ? null : row(point);
        }
        return rows;
    }

    /** The row of the bar starting at {@code barTime}, or null when the series has none. */
    public double[] at(String symbol, BarInterval interval, Instant barTime)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<SentimentPoint> points = series(symbol, interval, barTime, barTime.plus(interval.length()));
        return points.isEmpty() ? null : row(points.get(0));
    }

    private List<SentimentPoint> series(String symbol, BarInterval interval, Instant from, Instant to)
            throws InterruptedException, ExecutionException, TimeoutException {
        return queries.query(new FindSentimentSeriesQuery(symbol, interval, from, to),
                ResponseTypes.multipleInstancesOf(SentimentPoint.class)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static double[] row(SentimentPoint point) {
        return new double[] {point.count(), point.mean(), point.surprise()};
    }
}
