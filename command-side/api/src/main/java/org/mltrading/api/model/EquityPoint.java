package org.mltrading.api.model;

import java.time.Instant;

/** Equity of a backtest at a bar's close, as a multiple of the initial equity (1.0 = where it started). */
public record EquityPoint(Instant time, double equity) {
}
