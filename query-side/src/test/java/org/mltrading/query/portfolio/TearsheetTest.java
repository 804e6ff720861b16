package org.mltrading.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.mltrading.api.common.Side;
import org.junit.jupiter.api.Test;

class TearsheetTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static Instant t(int day) {
        return T0.plusSeconds(86_400L * day);
    }

    /** Buy 10 X at 10 (fee 1) between t0 and t1; X closes 11, 9, 12. */
    private static Tearsheet.Figures figures() {
        NavigableMap<Instant, Double> x = new TreeMap<>(Map.of(t(1), 11.0, t(2), 9.0, t(3), 12.0));
        Tearsheet.Fill buy = new Tearsheet.Fill(t(0).plusSeconds(60), "X", Side.BUY, new BigDecimal("10"), new BigDecimal("10"),
                BigDecimal.ONE, new BigDecimal("10"), new BigDecimal("899"));
        return Tearsheet.of(new BigDecimal("1000"), List.of(buy), Map.of("X", x), List.of(t(0), t(1), t(2), t(3)), 252);
    }

    @Test
    void the_equity_curve_is_cash_plus_positions_at_the_closes() {
        assertThat(figures().curve()).extracting(Tearsheet.Point::equity).containsExactly(1000.0, 1009.0, 989.0, 1019.0);
        assertThat(figures().curve()).extracting(Tearsheet.Point::cash).containsExactly(1000.0, 899.0, 899.0, 899.0);
    }

    @Test
    void figures_follow_from_the_curve() {
        Tearsheet.Figures figures = figures();
        double[] r = {1009.0 / 1000 - 1, 989.0 / 1009 - 1, 1019.0 / 989 - 1};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double variance = 0;
        double downside = 0;
        for (double value : r) {
            variance += (value - mean) * (value - mean);
            downside += Math.min(value, 0) * Math.min(value, 0);
        }
        double std = Math.sqrt(variance / 2);
        assertThat(figures.totalReturn()).isCloseTo(0.019, within(1e-12));
        assertThat(figures.annualisedReturn()).isCloseTo(Math.pow(1.019, 252.0 / 3) - 1, within(1e-9));
        assertThat(figures.volatility()).isCloseTo(std * Math.sqrt(252), within(1e-12));
        assertThat(figures.sharpeRatio()).isCloseTo(mean / std * Math.sqrt(252), within(1e-9));
        assertThat(figures.sortinoRatio()).isCloseTo(mean / Math.sqrt(downside / 3) * Math.sqrt(252), within(1e-9));
        assertThat(figures.maxDrawdown()).isCloseTo(20.0 / 1009, within(1e-12));
        assertThat(figures.drawdownPeak()).isEqualTo(t(1));
        assertThat(figures.drawdownTrough()).isEqualTo(t(2));
        assertThat(figures.turnover()).isCloseTo(100 / ((1000.0 + 1009 + 989 + 1019) / 4), within(1e-12));
        assertThat(figures.fills()).isEqualTo(1);
    }

    @Test
    void attribution_adds_up_to_the_change_in_equity() {
        Tearsheet.Figures figures = figures();
        assertThat(figures.attribution()).hasSize(1);
        Tearsheet.Attribution x = figures.attribution().get(0);
        assertThat(x.pnl()).isCloseTo(19.0, within(1e-9));
        assertThat(x.fees()).isCloseTo(1.0, within(1e-12));
        assertThat(x.share()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void two_instruments_split_the_pnl_and_sum_to_it() {
        NavigableMap<Instant, Double> x = new TreeMap<>(Map.of(t(0), 10.0, t(1), 12.0));
        NavigableMap<Instant, Double> y = new TreeMap<>(Map.of(t(0), 50.0, t(1), 45.0));
        // held before the window: 10 X (cash 900 after), then 2 Y bought inside it at 50 (cash 800)
        List<Tearsheet.Fill> fills = List.of(
                new Tearsheet.Fill(t(0).minusSeconds(60), "X", Side.BUY, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO,
                        BigDecimal.TEN, new BigDecimal("900")),
                new Tearsheet.Fill(t(0).plusSeconds(60), "Y", Side.BUY, new BigDecimal("50"), new BigDecimal("2"),
                        BigDecimal.ZERO, new BigDecimal("2"), new BigDecimal("800")));
        Tearsheet.Figures figures = Tearsheet.of(new BigDecimal("1000"), fills, Map.of("X", x, "Y", y),
                List.of(t(0), t(1)), 365);
        double change = figures.curve().get(1).equity() - figures.curve().get(0).equity();
        assertThat(change).isCloseTo(20 - 10, within(1e-9)); // X +2 x 10, Y -5 x 2
        assertThat(figures.attribution()).extracting(Tearsheet.Attribution::symbol).containsExactly("X", "Y");
        assertThat(figures.attribution().get(0).pnl()).isCloseTo(20, within(1e-9));
        assertThat(figures.attribution().get(1).pnl()).isCloseTo(-10, within(1e-9));
        assertThat(figures.fills()).isEqualTo(1);
    }
}
