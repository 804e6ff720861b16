package org.mltrading.command.account;

import org.mltrading.api.account.AccountFigures;

import java.math.BigDecimal;
import java.util.Map;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.common.Side;

/**
 * What the pre-trade policies see of an account at the time of a check: read-only views of the
 * aggregate's state, not copies (a check runs thousands of times a second).
 *
 * @param realisedPnlToday realised P&L of the current UTC day, fees included (negative = loss)
 * @param checksInLastSecond pre-trade checks of this account within the second before the check
 */
record AccountExposure(TradingState tradingState, RiskLimits limits, Map<String, Position> positions,
                       BigDecimal reservedNotional, Map<String, BigDecimal> openQuantities, BigDecimal realisedPnlToday,
                       int checksInLastSecond) {

    /** The key of {@code openQuantities}: Σ quantity still to fill of the open orders per symbol and side. */
    static String openKey(String symbol, Side side) {
        return symbol + "/" + side;
    }

    Position position(String symbol) {
        return positions.getOrDefault(symbol, Position.FLAT);
    }

    /** Σ quantity still to fill of the open orders on {@code symbol} in direction {@code side}, unsigned. */
    BigDecimal openQuantity(String symbol, Side side) {
        return openQuantities.getOrDefault(openKey(symbol, side), BigDecimal.ZERO);
    }

    /** The figures the checks enforce, by the one definition the read side shows too. */
    AccountFigures figures() {
        return AccountFigures.of(positions.values().stream()
                .map(position -> new AccountFigures.Holding(position.quantity(), position.averagePrice())).toList(),
                reservedNotional, realisedPnlToday);
    }

    /** Σ |position × average price| + Σ reserved notional of open orders ({@link AccountFigures}). */
    BigDecimal grossExposure() {
        return figures().grossExposure();
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

    /** Realised loss today as a positive amount; 0 when today made money ({@link AccountFigures}). */
    BigDecimal realisedLossToday() {
        return AccountFigures.dailyLoss(realisedPnlToday);
    }
}
