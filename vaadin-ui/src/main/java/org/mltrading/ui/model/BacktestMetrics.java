package org.mltrading.ui.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A backtest's results; returns, drawdown and rates are fractions (0.05 = 5 %). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BacktestMetrics(double totalReturn, double sharpe, double sortino, double maxDrawdown, int trades,
                              double winRate, double turnover, double benchmarkReturn, int bars) {
}
