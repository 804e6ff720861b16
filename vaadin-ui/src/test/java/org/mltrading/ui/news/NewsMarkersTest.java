package org.mltrading.ui.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.chart.ChartMarker;

class NewsMarkersTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static NewsFeed.Item item(String id, Instant at, double score, String symbol) {
        return new NewsFeed.Item(id, at, "sim-wire", "NEWS", "h", score, "NEUTRAL", List.of(symbol));
    }

    @Test
    void items_of_the_chart_instrument_become_one_dot_per_bar_coloured_by_their_mean_sentiment() {
        List<ChartMarker> markers = NewsMarkers.of(List.of(
                item("a", T0.plusSeconds(10), 0.6, "AAPL"),
                item("b", T0.plusSeconds(50), 0.2, "AAPL"),
                item("c", T0.plusSeconds(70), -0.5, "AAPL"),
                item("d", T0.plusSeconds(80), 0.9, "MSFT"),
                item("e", T0.minusSeconds(3600), 0.9, "AAPL")), "AAPL", Duration.ofMinutes(1), T0);

        assertThat(markers).containsExactly(
                new ChartMarker(T0.getEpochSecond(), "POSITIVE", "N×2", "news"),
                new ChartMarker(T0.getEpochSecond() + 60, "NEGATIVE", "N", "news"));
        List<ChartMarker> merged = NewsMarkers.merged(List.of(new ChartMarker(T0.getEpochSecond() + 30, "BUY", "B", "order")),
                markers);
        assertThat(merged).extracting(ChartMarker::time)
                .containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 30, T0.getEpochSecond() + 60);
    }
}
