package org.mltrading.api.model;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;

/**
 * Backtest a model version over stored bars of one symbol in [from, to]. Handled by the ML bridge,
 * which answers at once (the backtest is PENDING) and then runs it; progress and the result arrive as
 * events. {@code model} is a name or id; {@code version} null picks the PRODUCTION (else newest)
 * version. With {@code recordAsValidation} the result is recorded as that version's validation.
 */
public record RunBacktestCommand(String backtestId, String model, Integer version, String symbol,
                                 BarInterval interval, Instant from, Instant to, boolean recordAsValidation) {
}
