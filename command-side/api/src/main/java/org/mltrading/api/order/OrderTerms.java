package org.mltrading.api.order;

import org.mltrading.api.common.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the client asked for. Quantity is in units of the instrument (shares, coins, base currency);
 * prices are in the instrument's quote currency per unit. Exact decimals, never binary floating point.
 */
public record OrderTerms(
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce timeInForce,
        Instant expireAt) {

    public OrderTerms {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }
}
