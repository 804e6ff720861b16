package org.mltrading.ml.backtest;

import java.util.List;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.EquityPoint;

/** Metrics, the down-sampled equity curve and every fill of a backtest. */
public record BacktestResult(BacktestMetrics metrics, List<EquityPoint> equity, List<Fill> fills) {

    /** One execution: at a bar's open, signed quantity (+ buy, − sell), price and fee per the venue's rules. */
    public record Fill(int barIndex, java.time.Instant time, double quantity, double price, double fee) {
    }
}
