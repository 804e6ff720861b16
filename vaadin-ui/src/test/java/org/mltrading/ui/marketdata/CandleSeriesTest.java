package org.mltrading.ui.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleSeriesTest {

    static Candle candle(String symbol, String time, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Candle(symbol, Instant.parse(time), price, price, price, price, BigDecimal.TEN);
    }

    @Test
    void a_live_bar_of_the_forming_minute_replaces_the_last_bar_and_a_new_minute_appends() {
        CandleSeries series = new CandleSeries("AAPL", ChartInterval.ONE_MINUTE, List.of(
                candle("AAPL", "2026-01-01T10:00:00Z", "100"), candle("AAPL", "2026-01-01T10:01:00Z", "101")));

        assertThat(series.apply(candle("AAPL", "2026-01-01T10:01:00Z", "102"))).isEqualTo(CandleSeries.Change.REPLACED_LAST);
        assertThat(series.apply(candle("AAPL", "2026-01-01T10:02:00Z", "103"))).isEqualTo(CandleSeries.Change.APPENDED);

        assertThat(series.candles()).extracting(c -> c.close().toPlainString()).containsExactly("100", "102", "103");
    }

    @Test
    void older_bars_and_bars_of_another_symbol_are_ignored() {
        CandleSeries series = new CandleSeries("AAPL", ChartInterval.ONE_MINUTE,
                List.of(candle("AAPL", "2026-01-01T10:05:00Z", "100")));

        assertThat(series.apply(candle("AAPL", "2026-01-01T10:04:00Z", "99"))).isEqualTo(CandleSeries.Change.IGNORED);
        assertThat(series.apply(candle("MSFT", "2026-01-01T10:06:00Z", "300"))).isEqualTo(CandleSeries.Change.IGNORED);
        assertThat(series.candles()).hasSize(1);
    }

    @Test
    void the_series_keeps_only_the_newest_bars_up_to_its_bound() {
        List<Candle> history = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < CandleSeries.MAX_BARS + 5; i++) {
            history.add(candle("AAPL", start.plusSeconds(i).toString(), Integer.toString(i)));
        }

        CandleSeries series = new CandleSeries("AAPL", ChartInterval.ONE_SECOND, history);

        assertThat(series.candles()).hasSize(CandleSeries.MAX_BARS);
        assertThat(series.candles().get(0).close()).isEqualByComparingTo("5");
    }

    @Test
    void chart_bars_are_in_epoch_seconds() {
        assertThat(candle("AAPL", "2026-01-01T10:00:00Z", "100.25").toChartBar().time())
                .isEqualTo(Instant.parse("2026-01-01T10:00:00Z").getEpochSecond());
    }

    @Test
    void intervals_align_bar_starts_to_the_epoch() {
        Instant t = Instant.parse("2026-01-01T10:07:42Z");

        assertThat(ChartInterval.FIVE_MINUTES.barStart(t)).isEqualTo(Instant.parse("2026-01-01T10:05:00Z"));
        assertThat(ChartInterval.ONE_DAY.barStart(t)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
