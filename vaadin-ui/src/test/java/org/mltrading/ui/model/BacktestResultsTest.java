package org.mltrading.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics table and the equity curve drawn from a completed backtest. */
class BacktestResultsTest {

    private static BacktestRun.EquityPoint point(int day, double equity) {
        return new BacktestRun.EquityPoint(Instant.parse("2013-01-01T21:00:00Z").plusSeconds(86_400L * day), equity);
    }

    @Test
    void metrics_read_fractions_as_percentages_and_ratios_to_two_decimals() {
        assertThat(MetricsTable.lines(Models.metrics(-0.0425))).extracting(MetricsTable.Line::metric,
                MetricsTable.Line::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Total return", "-4.3 %"),
                org.assertj.core.groups.Tuple.tuple("Benchmark (buy and hold)", "5.0 %"),
                org.assertj.core.groups.Tuple.tuple("Sharpe", "1.23"),
                org.assertj.core.groups.Tuple.tuple("Sortino", "1.50"),
                org.assertj.core.groups.Tuple.tuple("Max drawdown", "8.0 %"),
                org.assertj.core.groups.Tuple.tuple("Trades", "12"),
                org.assertj.core.groups.Tuple.tuple("Win rate", "58.3 %"),
                org.assertj.core.groups.Tuple.tuple("Turnover", "3.20"),
                org.assertj.core.groups.Tuple.tuple("Bars", "252"));
    }

    @Test
    void the_equity_curve_spans_the_box_highest_equity_at_the_top() {
        String polyline = EquityCurve.polyline(List.of(point(0, 1.0), point(1, 1.2), point(2, 0.9)), 100, 30);

        assertThat(polyline).isEqualTo("0.0,20.0 50.0,0.0 100.0,30.0");
    }

    @Test
    void a_flat_curve_runs_through_the_middle_and_a_single_point_draws_nothing() {
        assertThat(EquityCurve.polyline(List.of(point(0, 1.0), point(1, 1.0)), 10, 8)).isEqualTo("0.0,4.0 10.0,4.0");
        assertThat(EquityCurve.polyline(List.of(point(0, 1.0)), 10, 8)).isEmpty();
        assertThat(EquityCurve.polyline(List.of(), 10, 8)).isEmpty();
    }
}
