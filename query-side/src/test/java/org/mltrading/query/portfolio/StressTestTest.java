package org.mltrading.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.marketdata.MarketDataQueries;

class StressTestTest {

    private static Bar daily(String symbol, String day, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Bar(symbol, BarInterval.ONE_DAY, Instant.parse(day + "T00:00:00Z"), c, c, c, c, BigDecimal.ONE);
    }

    private static AccountView account(Map<String, AccountView.PositionView> positions) {
        return new AccountView("a", "A", "trader", "USD", java.util.Set.of(), Instant.EPOCH, BigDecimal.ZERO, null, null, null,
                positions, BigDecimal.ZERO, BigDecimal.ZERO, null, 0, java.util.Map.of());
    }

    private static AccountView.PositionView position(String symbol, String quantity) {
        return new AccountView.PositionView(symbol, new BigDecimal(quantity), BigDecimal.ONE, BigDecimal.ZERO, Instant.EPOCH, 0);
    }

    @Test
    void named_shocks_win_over_the_replay_which_wins_over_the_market_move_and_pnl_is_quantity_price_move() throws Exception {
        MarketDataQueries bars = mock(MarketDataQueries.class);
        when(bars.bars(eq("AAPL"), eq(BarInterval.ONE_MINUTE), any(), any())).thenReturn(List.of());
        when(bars.bars(eq("MSFT"), eq(BarInterval.ONE_MINUTE), any(), any())).thenReturn(List.of());
        when(bars.bars(eq("NVDA"), eq(BarInterval.ONE_MINUTE), any(), any())).thenReturn(List.of());
        // last closes (daily) and the replayed day: AAPL 514.01 → 450.50 on 2013-01-24
        when(bars.bars(eq("AAPL"), eq(BarInterval.ONE_DAY), any(), any())).thenReturn(List.of(
                daily("AAPL", "2013-01-23", "514.01"), daily("AAPL", "2013-01-24", "450.50")));
        when(bars.bars(eq("MSFT"), eq(BarInterval.ONE_DAY), any(), any())).thenReturn(List.of(daily("MSFT", "2013-01-24", "27.63")));
        when(bars.bars(eq("NVDA"), eq(BarInterval.ONE_DAY), any(), any())).thenReturn(List.of(daily("NVDA", "2013-01-24", "12.00")));

        StressTest.Result result = new StressTest(bars).run(List.of(account(Map.of("AAPL", position("AAPL", "10"),
                        "MSFT", position("MSFT", "-100"), "NVDA", position("NVDA", "50")))),
                new StressTest.Scenario("mixed", Map.of("NVDA", -0.5), Instant.parse("2013-01-24T15:00:00Z"), -0.1));

        assertThat(result.lines()).extracting(StressTest.Line::symbol, StressTest.Line::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AAPL", "REPLAY"),
                        org.assertj.core.groups.Tuple.tuple("MSFT", "MARKET"),  // one bar only: no replay
                        org.assertj.core.groups.Tuple.tuple("NVDA", "SHOCK"));
        StressTest.Line apple = result.lines().get(0);
        assertThat(apple.move()).isCloseTo(450.50 / 514.01 - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(apple.pnl()).isEqualByComparingTo(new BigDecimal("10").multiply(new BigDecimal("450.50"))
                .multiply(BigDecimal.valueOf(450.50 / 514.01 - 1)).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(result.lines().get(1).pnl()).isEqualByComparingTo("276.30"); // short 100 × 27.63 × −10 %
        assertThat(result.lines().get(2).pnl()).isEqualByComparingTo("-300.00");
        assertThat(result.pnl()).isEqualByComparingTo(apple.pnl().add(new BigDecimal("276.30")).add(new BigDecimal("-300.00")));
    }
}
