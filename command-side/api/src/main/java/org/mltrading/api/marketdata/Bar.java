package org.mltrading.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * OHLCV bar starting at {@code time}. Prices in the quote currency per unit; volume in units of the
 * instrument traded within the bar.
 */
public record Bar(String symbol, BarInterval interval, Instant time, BigDecimal open, BigDecimal high,
                  BigDecimal low, BigDecimal close, BigDecimal volume) {
}
