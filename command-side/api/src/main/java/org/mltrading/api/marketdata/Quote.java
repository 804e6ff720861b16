package org.mltrading.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;

/** Top of book for a symbol: best bid and ask and the last trade price, in the quote currency. */
public record Quote(String symbol, BigDecimal bid, BigDecimal ask, BigDecimal last, Instant time) {
}
