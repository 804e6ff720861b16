package org.mltrading.ml.feature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.altdata.AltObservation;
import org.mltrading.api.altdata.FindAltSeriesQuery;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;

/**
 * The features that do not come from closes, read from the query side next to the bars (Axon queries):
 * news sentiment ({@code sent_count}, {@code sent_mean}, {@code sent_surprise}: 0 in a bar without news)
 * and alternative-data series ({@code alt:<series>}: the last observation before the bar's close, point in
 * time — a date-only observation, stored at the day's start, counts from the first bar closing after that;
 * NaN before the first one, so the bar has no forecast rather than a made-up input).
 * A row holds a model's external features in the order it lists them ({@link Features#external}).
 */
public final class ExternalFeatures {

    private static final long TIMEOUT_SECONDS = 30;
    /** How far before a range an alternative observation may lie and still be the latest known. */
    private static final Duration ALT_LOOKBACK = Duration.ofDays(400);

    private final QueryGateway queries;
    private final BarSentiment sentiment;

    public ExternalFeatures(QueryGateway queries) {
        this.queries = queries;
        this.sentiment = new BarSentiment(queries);
    }

    /** One row per bar (same order) with the model's external features; bars of one symbol and interval. */
    public double[][] aligned(List<String> modelFeatures, List<Bar> bars)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> external = Features.external(modelFeatures);
        double[][] rows = new double[bars.size()][external.size()];
        if (bars.isEmpty() || external.isEmpty()) {
            return rows;
        }
        double[][] news = external.stream().anyMatch(Features.SENTIMENT::contains) ? sentiment.alignedWith(bars) : null;
        Bar first = bars.get(0);
        BarInterval interval = first.interval();
        for (int j = 0; j < external.size(); j++) {
            String name = external.get(j);
            if (Features.SENTIMENT.contains(name)) {
                int column = Features.SENTIMENT.indexOf(name);
                for (int i = 0; i < bars.size(); i++) {
                    rows[i][j] = news[i] == null ? 0 : news[i][column];
                }
            } else {
                Instant lastClose = bars.get(bars.size() - 1).time().plus(interval.length());
                List<AltObservation> observations = alt(name, first.symbol(), first.time().minus(ALT_LOOKBACK), lastClose);
                int next = 0;
                double value = Double.NaN;
                for (int i = 0; i < bars.size(); i++) {
                    Instant close = bars.get(i).time().plus(interval.length());
                    while (next < observations.size() && observations.get(next).time().isBefore(close)) {
                        value = observations.get(next++).value();
                    }
                    rows[i][j] = value;
                }
            }
        }
        return rows;
    }

    /** The row of the bar starting at {@code barTime} (live forecasts). */
    public double[] at(List<String> modelFeatures, String symbol, BarInterval interval, Instant barTime)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> external = Features.external(modelFeatures);
        double[] row = new double[external.size()];
        double[] news = external.stream().anyMatch(Features.SENTIMENT::contains) ? sentiment.at(symbol, interval, barTime) : null;
        Instant close = barTime.plus(interval.length());
        for (int j = 0; j < external.size(); j++) {
            String name = external.get(j);
            if (Features.SENTIMENT.contains(name)) {
                row[j] = news == null ? 0 : news[Features.SENTIMENT.indexOf(name)];
            } else {
                List<AltObservation> observations = alt(name, symbol, close.minus(ALT_LOOKBACK), close).stream()
                        .filter(observation -> observation.time().isBefore(close)).toList();
                row[j] = observations.isEmpty() ? Double.NaN : observations.get(observations.size() - 1).value();
            }
        }
        return row;
    }

    /** Puts a row into a model's feature vector (sized {@link Features#size}); answers false when a value is missing. */
    public static boolean fill(double[] features, List<String> modelFeatures, double[] row) {
        List<String> external = Features.external(modelFeatures);
        boolean complete = true;
        for (int j = 0; j < external.size(); j++) {
            features[Features.index(external.get(j), modelFeatures)] = row[j];
            complete &= !Double.isNaN(row[j]);
        }
        return complete;
    }

    private List<AltObservation> alt(String feature, String symbol, Instant from, Instant to)
            throws InterruptedException, ExecutionException, TimeoutException {
        return queries.query(new FindAltSeriesQuery(feature.substring(Features.ALT_PREFIX.length()), symbol, from, to),
                ResponseTypes.multipleInstancesOf(AltObservation.class)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
