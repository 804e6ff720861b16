package org.mltrading.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade print. {@code tradeId} identifies the print within (symbol, time): several trades can
 * share a timestamp, price and size, so storage deduplicates on (time, symbol, tradeId).
 *
 * @param price in the quote currency per unit
 * @param size  in units of the instrument
 */
public record Trade(String symbol, BigDecimal price, BigDecimal size, long tradeId, Instant time) {
}
