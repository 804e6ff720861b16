package org.mltrading.ml.backtest;

import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.BacktestMetrics;

/**
 * Metrics of an equity curve. Per-bar returns are simple returns of equity; Sharpe and Sortino are
 * annualised with √(bars per year) and a zero risk-free rate. A ratio whose denominator is zero (no
 * variation, no losing bar) is reported as 0 rather than infinite, so every metric stays finite.
 */
final class PerformanceMetrics {

    private PerformanceMetrics() {
    }

    /** 252 trading days for daily bars; calendar time for intraday bars (simulated markets run 24/7). */
    static double periodsPerYear(BarInterval interval) {
        if (interval == BarInterval.ONE_DAY) {
            return 252;
        }
        return 365.25 * 24 * 3600 / interval.length().toSeconds();
    }

    static BacktestMetrics of(double[] equity, double[] closes, int trades, int winners, double tradedNotional,
                              double periodsPerYear) {
        int n = equity.length;
        double sum = 0;
        double sumSquares = 0;
        double downsideSquares = 0;
        double peak = equity[0];
        double maxDrawdown = 0;
        double equitySum = equity[0];
        for (int i = 1; i < n; i++) {
            double r = equity[i] / equity[i - 1] - 1;
            sum += r;
            sumSquares += r * r;
            if (r < 0) {
                downsideSquares += r * r;
            }
            peak = Math.max(peak, equity[i]);
            maxDrawdown = Math.max(maxDrawdown, 1 - equity[i] / peak);
            equitySum += equity[i];
        }
        int periods = n - 1;
        double mean = sum / periods;
        double variance = periods > 1 ? (sumSquares - periods * mean * mean) / (periods - 1) : 0;
        double std = variance > 0 ? Math.sqrt(variance) : 0;
        double downside = Math.sqrt(downsideSquares / periods);
        double annualiser = Math.sqrt(periodsPerYear);
        double sharpe = std > 0 ? mean / std * annualiser : 0;
        double sortino = downside > 0 ? mean / downside * annualiser : 0;
        double averageEquity = equitySum / n;
        return new BacktestMetrics(equity[n - 1] / equity[0] - 1, sharpe, sortino, maxDrawdown, trades,
                trades == 0 ? 0 : winners / (double) trades, tradedNotional / averageEquity,
                closes[n - 1] / closes[0] - 1, n);
    }
}
