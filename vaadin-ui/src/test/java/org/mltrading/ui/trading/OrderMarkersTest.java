package org.mltrading.ui.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.chart.ChartMarker;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.shell.InstrumentFormat;

class OrderMarkersTest {

    @Test
    void orders_and_fills_of_the_symbol_become_markers_at_their_bar_start_oldest_first() {
        var fill = new DeskOrder.DeskFill("f1", new BigDecimal("100.10"), new BigDecimal("7"), new BigDecimal("0.01"),
                Instant.parse("2026-01-01T10:02:30Z"));
        DeskOrder aapl = new DeskOrder("o1", "c1", "a", "AAPL", "BUY", "MARKET", new BigDecimal("7"), null, null, "DAY",
                "FILLED", null, null, null, new BigDecimal("7"), new BigDecimal("100.10"), List.of(fill),
                Instant.parse("2026-01-01T10:02:10Z"), Instant.parse("2026-01-01T10:02:30Z"));
        DeskOrder msft = new DeskOrder("o2", "c2", "a", "MSFT", "SELL", "MARKET", BigDecimal.ONE, null, null, "DAY",
                "WORKING", null, null, null, BigDecimal.ZERO, null, List.of(),
                Instant.parse("2026-01-01T10:01:00Z"), Instant.parse("2026-01-01T10:01:00Z"));
        DeskOrder old = new DeskOrder("o3", "c3", "a", "AAPL", "SELL", "MARKET", BigDecimal.ONE, null, null, "DAY",
                "WORKING", null, null, null, BigDecimal.ZERO, null, List.of(),
                Instant.parse("2025-12-31T10:00:00Z"), Instant.parse("2025-12-31T10:00:00Z"));

        List<ChartMarker> markers = OrderMarkers.of(List.of(aapl, msft, old), "AAPL", ChartInterval.ONE_MINUTE,
                Instant.parse("2026-01-01T09:00:00Z"), InstrumentFormat.UNKNOWN);

        long bar = Instant.parse("2026-01-01T10:02:00Z").getEpochSecond();
        assertThat(markers).containsExactly(new ChartMarker(bar, "BUY", "BUY 7", "order"),
                new ChartMarker(bar, "BUY", "Fill 7 @ 100.1", "fill"));
    }
}
