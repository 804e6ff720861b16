package org.mltrading.command.account;

import java.math.BigDecimal;
import java.util.Map;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/**
 * What the pre-trade policies see of an account at the time of a check: read-only views of the
 * aggregate's state, not copies (a check runs thousands of times a second).
 *
 * @param realisedPnlToday realised P&L of the current UTC day, fees included (negative = loss)
 * @param checksInLastSecond pre-trade checks of this account within the second before the check
 */
record AccountExposure(TradingState tradingState, RiskLimits limits, Map<String, Position> positions,
                       Map<OrderId, Reservation> reservations, BigDecimal realisedPnlToday, int checksInLastSecond) {

    Position position(String symbol) {
        return positions.getOrDefault(symbol, Position.FLAT);
    }

    /** Σ quantity still to fill of the open orders on {@code symbol} in direction {@code side}, unsigned. */
    BigDecimal openQuantity(String symbol, Side side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Reservation reservation : reservations.values()) {
            if (reservation.side() == side && reservation.symbol().equals(symbol)) {
                sum = sum.add(reservation.quantity());
            }
        }
        return sum;
    }

    /** Σ |position × average price| + Σ reserved notional of open orders. */
    BigDecimal grossExposure() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Position position : positions.values()) {
            sum = sum.add(position.exposure());
        }
        for (Reservation reservation : reservations.values()) {
            sum = sum.add(reservation.notional());
        }
        return sum;
    }

    /**
     * The signed position in the order's symbol if the order and the open orders on its side filled in
     * full: position + open + this order (units, + long, − short).
     */
    BigDecimal resultingPosition(PreTradeOrder order) {
        return Decimals.normalised(position(order.symbol()).quantity()
                .add(Decimals.signed(order.side(), openQuantity(order.symbol(), order.side())))
                .add(order.signedQuantity()));
    }

    /**
     * {@link #grossExposure()} plus the order's notional once approved; without it when the order cannot
     * be valued (no reference price).
     */
    BigDecimal resultingGrossExposure(PreTradeOrder order) {
        BigDecimal gross = grossExposure();
        return Decimals.normalised(order.hasReferencePrice() ? gross.add(order.notional()) : gross);
    }

    /** Realised loss today as a positive amount; 0 when today made money. */
    BigDecimal realisedLossToday() {
        return realisedPnlToday.signum() < 0 ? realisedPnlToday.negate() : BigDecimal.ZERO;
    }
}
