package org.mltrading.api.marketdata;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Reference data of a tradable instrument.
 *
 * @param symbol   unique upper-case ticker, e.g. {@code AAPL}, {@code BTC-USD}
 * @param currency ISO 4217 code of the quote currency (prices are per unit in this currency)
 * @param tickSize smallest price increment, in the quote currency
 * @param lotSize  smallest quantity increment, in units of the instrument
 */
public record Instrument(String symbol, String name, AssetClass assetClass, String currency,
                         BigDecimal tickSize, BigDecimal lotSize) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        if (tickSize == null || tickSize.signum() <= 0 || lotSize == null || lotSize.signum() <= 0) {
            throw new IllegalArgumentException("tick and lot size must be positive: " + symbol);
        }
    }
}
