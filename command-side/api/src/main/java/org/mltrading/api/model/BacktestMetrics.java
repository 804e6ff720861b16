package org.mltrading.api.model;

/**
 * Results of a backtest. Returns, drawdowns and rates are fractions (0.05 = 5 %).
 *
 * @param totalReturn     final equity / initial equity − 1, after fees and slippage
 * @param sharpe          annualised mean / standard deviation of per-bar equity returns (risk-free rate 0)
 * @param sortino         annualised mean / downside deviation of per-bar equity returns
 * @param maxDrawdown     largest fall from an equity peak, as a fraction of the peak (0.2 = 20 % below the peak)
 * @param trades          closed round trips (a position opened and later closed or reversed)
 * @param winRate         fraction of the closed round trips with a positive P&amp;L after costs
 * @param turnover        traded notional / average equity over the run
 * @param benchmarkReturn buy and hold from the first bar's close to the last bar's close
 * @param bars            bars the run went through
 */
public record BacktestMetrics(double totalReturn, double sharpe, double sortino, double maxDrawdown, int trades,
                              double winRate, double turnover, double benchmarkReturn, int bars) {
}
