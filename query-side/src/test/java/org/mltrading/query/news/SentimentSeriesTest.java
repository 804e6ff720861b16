package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentSeriesTest {

    private static final Instant T = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static Instant hour(int n) {
        return T.plus(HOUR.multipliedBy(n));
    }

    @Test
    void every_bar_of_the_range_is_there_with_count_mean_and_surprise_against_the_twenty_bars_before() {
        Map<Instant, SentimentSeriesStore.Bucket> buckets = new HashMap<>();
        buckets.put(hour(0), new SentimentSeriesStore.Bucket(hour(0), 2, 0.8));   // before the range: context only
        buckets.put(hour(21), new SentimentSeriesStore.Bucket(hour(21), 1, -0.6)); // 21 bars later: hour 0 left the window
        buckets.put(hour(22), new SentimentSeriesStore.Bucket(hour(22), 3, 0.3));

        List<SentimentSeries.Point> points = SentimentSeries.points(buckets, hour(0), hour(20), hour(24), HOUR);

        assertThat(points).extracting(SentimentSeries.Point::time).containsExactly(hour(20), hour(21), hour(22), hour(23));
        assertThat(points.get(0).count()).isZero();
        assertThat(points.get(0).mean()).isZero();
        assertThat(points.get(0).surprise()).isZero();
        // hour 21: the window is hours 1..20, which has no items → no surprise
        assertThat(points.get(1).count()).isEqualTo(1);
        assertThat(points.get(1).mean()).isCloseTo(-0.6, within(1e-12));
        assertThat(points.get(1).surprise()).isZero();
        // hour 22: the window (hours 2..21) holds the −0.6 item
        assertThat(points.get(2).mean()).isCloseTo(0.1, within(1e-12));
        assertThat(points.get(2).surprise()).isCloseTo(0.1 - (-0.6), within(1e-12));
        assertThat(points.get(3).count()).isZero();
    }

    @Test
    void for_a_us_equitys_daily_bars_an_item_after_the_new_york_close_counts_in_the_next_day() {
        // 2013-01-23 20:00 UTC = 15:00 New York (before the close): that day; 21:00 UTC = 16:00 NY: the next
        assertThat(SentimentSeries.tradingDay(Instant.parse("2013-01-23T20:00:00Z"))).isEqualTo(Instant.parse("2013-01-23T00:00:00Z"));
        assertThat(SentimentSeries.tradingDay(Instant.parse("2013-01-23T21:00:00Z"))).isEqualTo(Instant.parse("2013-01-24T00:00:00Z"));
        // summer time: the close is 20:00 UTC
        assertThat(SentimentSeries.tradingDay(Instant.parse("2013-07-23T20:00:00Z"))).isEqualTo(Instant.parse("2013-07-24T00:00:00Z"));
        // just after midnight UTC is still the evening before in New York: the next trading day too
        assertThat(SentimentSeries.tradingDay(Instant.parse("2013-01-24T02:00:00Z"))).isEqualTo(Instant.parse("2013-01-24T00:00:00Z"));
    }

    @Test
    void an_item_key_is_stable_and_tells_ids_apart() {
        assertThat(SentimentSeriesStore.key("sim-wire/1")).isEqualTo(SentimentSeriesStore.key("sim-wire/1"));
        assertThat(SentimentSeriesStore.key("sim-wire/1")).isNotEqualTo(SentimentSeriesStore.key("sim-wire/2"));
        assertThat(SentimentSeriesStore.key("a/bc")).isNotEqualTo(SentimentSeriesStore.key("ab/c"));
    }
}
