package org.mltrading.ui.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.marketdata.TimeAndSales.Tick;
import org.mltrading.ui.marketdata.TimeAndSales.TradePrint;

class TimeAndSalesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");

    @Test
    void the_tape_shows_the_newest_print_first_with_its_tick_against_the_one_before() {
        TimeAndSales tape = new TimeAndSales("AAPL", 10);
        tape.load(List.of(print("2", 1, "230.02"), print("1", 0, "230.00"))); // stored, any order
        tape.add(print("3", 2, "230.01"));
        tape.add(print("4", 3, "230.01")); // unchanged: keeps the downtick (zero-minus)
        tape.add(print("5", 4, "230.05"));

        assertThat(tape.prints()).extracting(TimeAndSales.Print::tradeId).containsExactly("5", "4", "3", "2", "1");
        assertThat(tape.prints()).extracting(TimeAndSales.Print::tick)
                .containsExactly(Tick.UP, Tick.DOWN, Tick.DOWN, Tick.UP, Tick.UNCHANGED);
    }

    @Test
    void other_symbols_repeats_and_prints_beyond_the_capacity_are_not_kept() {
        TimeAndSales tape = new TimeAndSales("AAPL", 3);
        for (int i = 0; i < 5; i++) {
            assertThat(tape.add(print("t" + i, i, "230.0" + i))).isTrue();
        }
        assertThat(tape.add(print("t4", 4, "230.04"))).isFalse();
        assertThat(tape.add(new TradePrint("MSFT", "m1", T0, new BigDecimal("420"), BigDecimal.ONE))).isFalse();

        assertThat(tape.prints()).extracting(TimeAndSales.Print::tradeId).containsExactly("t4", "t3", "t2");
    }

    private static TradePrint print(String id, int second, String price) {
        return new TradePrint("AAPL", id, T0.plusSeconds(second), new BigDecimal(price), new BigDecimal("10"));
    }
}
