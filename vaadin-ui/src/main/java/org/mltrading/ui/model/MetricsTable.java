package org.mltrading.ui.model;

import static org.mltrading.ui.model.ModelRegistry.percent;
import static org.mltrading.ui.model.ModelRegistry.ratio;

import java.util.List;

/** A backtest's metrics as labelled lines, fractions written as percentages. */
public final class MetricsTable {

    private MetricsTable() {
    }

    public record Line(String metric, String value) {
    }

    public static List<Line> lines(BacktestMetrics metrics) {
        return List.of(
                new Line("Total return", percent(metrics.totalReturn())),
                new Line("Benchmark (buy and hold)", percent(metrics.benchmarkReturn())),
                new Line("Sharpe", ratio(metrics.sharpe())),
                new Line("Sortino", ratio(metrics.sortino())),
                new Line("Max drawdown", percent(metrics.maxDrawdown())),
                new Line("Trades", Integer.toString(metrics.trades())),
                new Line("Win rate", percent(metrics.winRate())),
                new Line("Turnover", ratio(metrics.turnover())),
                new Line("Bars", Integer.toString(metrics.bars())));
    }
}
