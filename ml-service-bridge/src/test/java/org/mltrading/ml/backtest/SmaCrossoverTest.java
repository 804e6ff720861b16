package org.mltrading.ml.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.BarInterval;

class SmaCrossoverTest {

    private final BacktestEngine engine = new BacktestEngine(new FillCosts(BigDecimal.ZERO, BigDecimal.ZERO));

    @Test
    void a_fast_window_that_is_not_shorter_than_the_slow_one_is_refused() {
        assertThatThrownBy(() -> new SmaCrossover(20, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmaCrossover(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void on_rising_closes_it_buys_at_the_open_after_the_first_full_slow_window_and_holds() {
        // closes 1, 2, ..., 12: at close index 4 the fast average (4 + 5) / 2 = 4.5 exceeds the slow
        // (1 + ... + 5) / 5 = 3, so the buy fills at bar 5's open; it stays above, nothing is sold
        double[] closes = IntStream.rangeClosed(1, 12).asDoubleStream().toArray();
        double[] opens = closes.clone();
        BacktestResult result = engine.run(new SmaCrossover(2, 5).over(closes), times(12), opens, closes,
                BarInterval.ONE_DAY, 1_000, null);

        assertThat(result.fills()).hasSize(1);
        assertThat(result.fills().get(0).barIndex()).isEqualTo(5);
        assertThat(result.fills().get(0).price()).isEqualTo(6.0);
        assertThat(result.fills().get(0).quantity()).isEqualTo(Math.floor(1_000 / 5.0)); // equity / decision close
    }

    @Test
    void when_the_fast_average_is_no_longer_above_the_slow_one_the_position_is_closed_at_the_next_open() {
        // up for 8 closes, then down: the fast average drops below the slow one two bars after the top
        double[] closes = {1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2};
        BacktestResult result = engine.run(new SmaCrossover(2, 5).over(closes), times(closes.length), closes.clone(),
                closes, BarInterval.ONE_DAY, 1_000, null);

        // close index 8: fast (8 + 7) / 2 = 7.5 > slow (5 + 6 + 7 + 8 + 7) / 5 = 6.6, still long; index 9:
        // fast (7 + 6) / 2 = 6.5 < slow (6 + 7 + 8 + 7 + 6) / 5 = 6.8 → flat, sold at bar 10's open
        assertThat(result.fills()).extracting(BacktestResult.Fill::barIndex).containsExactly(5, 10);
        assertThat(result.fills().get(1).quantity()).isEqualTo(-result.fills().get(0).quantity());
    }

    @Test
    void arrays_of_different_lengths_are_refused() {
        double[] closes = {1, 2, 3};
        assertThatThrownBy(() -> engine.run(new SmaCrossover(1, 2).over(closes), times(3), new double[2], closes,
                BarInterval.ONE_DAY, 1_000, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant[] times(int n) {
        return IntStream.range(0, n).mapToObj(i -> Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i))
                .toArray(Instant[]::new);
    }
}
