package org.mltrading.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a validation backtest must reach before its version may be promoted.
 *
 * @param minSharpe      the Sharpe ratio must be at least this
 * @param maxDrawdown    the max drawdown (fraction) must be at most this
 * @param minTrades      at least this many closed round trips (a model that never trades proves nothing)
 */
public record ValidationThresholds(double minSharpe, double maxDrawdown, int minTrades) {

    /** The thresholds the metrics miss, each as a sentence; empty when they pass. */
    public List<String> failures(BacktestMetrics metrics) {
        List<String> failures = new ArrayList<>();
        if (!(metrics.sharpe() >= minSharpe)) {
            failures.add("sharpe " + metrics.sharpe() + " is below " + minSharpe);
        }
        if (!(metrics.maxDrawdown() <= maxDrawdown)) {
            failures.add("maxDrawdown " + metrics.maxDrawdown() + " exceeds " + maxDrawdown);
        }
        if (metrics.trades() < minTrades) {
            failures.add("trades " + metrics.trades() + " is below " + minTrades);
        }
        return failures;
    }
}
