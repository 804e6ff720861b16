package org.mltrading.ui.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.marketdata.QuoteTick;

class LivePositionsTest {

    private static PositionView position(String symbol, String quantity, String average) {
        return new PositionView("demo-account", symbol, new BigDecimal(quantity), new BigDecimal(average),
                null, null, new BigDecimal("12.50"));
    }

    private static QuoteTick last(String symbol, String price) {
        return new QuoteTick(symbol, null, null, new BigDecimal(price), Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void unrealised_pnl_follows_the_live_mark_for_longs_and_shorts() {
        LivePositions positions = new LivePositions();
        positions.replaceAll(List.of(position("AAPL", "7", "100.00"), position("MSFT", "-2", "400.00")));

        assertThat(positions.mark(last("AAPL", "101.50"))).isTrue();
        positions.mark(last("MSFT", "390.00"));

        var aapl = positions.row("AAPL").orElseThrow();
        assertThat(aapl.unrealizedPnl()).isEqualByComparingTo("10.50");
        assertThat(aapl.marketValue()).isEqualByComparingTo("710.50");
        assertThat(positions.row("MSFT").orElseThrow().unrealizedPnl()).isEqualByComparingTo("20.00");
        assertThat(positions.totalUnrealizedPnl()).isEqualByComparingTo("30.50");
    }

    @Test
    void a_position_update_replaces_the_position_and_flat_ones_are_hidden() {
        LivePositions positions = new LivePositions();
        positions.replaceAll(List.of(position("AAPL", "7", "100.00")));

        positions.apply(position("AAPL", "0", "0"));

        assertThat(positions.rows()).isEmpty();
        assertThat(positions.mark(last("AAPL", "101"))).as("nothing shown moved").isFalse();
    }

    @Test
    void without_a_live_quote_the_api_figures_are_shown() {
        LivePositions positions = new LivePositions();
        positions.apply(new PositionView("demo-account", "NVDA", BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("105"), new BigDecimal("5"), BigDecimal.ZERO));

        assertThat(positions.rows()).singleElement().satisfies(row -> {
            assertThat(row.mark()).isNull();
            assertThat(row.unrealizedPnl()).isEqualByComparingTo("5");
        });
    }
}
