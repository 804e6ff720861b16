package org.mltrading.ui.news;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mltrading.ui.chart.ChartMarker;

/**
 * News items of the chart's instrument as chart markers: a dot above the bar each was published in,
 * coloured by its sentiment; several items in one bar are one marker with their count.
 */
public final class NewsMarkers {

    private NewsMarkers() {
    }

    public static List<ChartMarker> of(List<NewsFeed.Item> items, String symbol, Duration interval, Instant from) {
        java.util.Map<Long, List<NewsFeed.Item>> byBar = new java.util.TreeMap<>();
        long length = interval.getSeconds();
        for (NewsFeed.Item item : items) {
            if (item.symbols().contains(symbol) && !item.publishedAt().isBefore(from)) {
                long bar = Math.floorDiv(item.publishedAt().getEpochSecond(), length) * length;
                byBar.computeIfAbsent(bar, b -> new ArrayList<>()).add(item);
            }
        }
        List<ChartMarker> markers = new ArrayList<>();
        byBar.forEach((bar, inBar) -> {
            double mean = inBar.stream().mapToDouble(NewsFeed.Item::score).average().orElse(0);
            String label = mean >= 0.05 ? "POSITIVE" : mean <= -0.05 ? "NEGATIVE" : "NEUTRAL";
            markers.add(new ChartMarker(bar, label, inBar.size() == 1 ? "N" : "N×" + inBar.size(), "news"));
        });
        return markers;
    }

    /** Order and news markers together, ascending by time (the chart library wants them sorted). */
    public static List<ChartMarker> merged(List<ChartMarker> orders, List<ChartMarker> news) {
        List<ChartMarker> all = new ArrayList<>(orders);
        all.addAll(news);
        all.sort(Comparator.comparingLong(ChartMarker::time));
        return all;
    }
}
