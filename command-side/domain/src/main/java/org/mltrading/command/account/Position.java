package org.mltrading.command.account;

import java.math.BigDecimal;
import java.math.MathContext;
import org.mltrading.api.common.Side;

/**
 * A holding of one instrument. {@code quantity} is signed, in units of the instrument (negative =
 * short); {@code averagePrice} is the average entry price in the quote currency per unit (0 when
 * flat).
 */
record Position(BigDecimal quantity, BigDecimal averagePrice) {

    static final Position FLAT = new Position(BigDecimal.ZERO, BigDecimal.ZERO);

    /** What a fill did: the position after it and the P&L it realised, fees included. */
    record Change(Position after, BigDecimal realisedPnl) {
    }

    /**
     * Books a fill. Growing (or opening) the position averages the entry price by quantity and
     * realises only the fee; shrinking realises (price − average) × closed quantity × direction − fee
     * and keeps the average; going through zero closes the old position and opens the rest at the fill
     * price. Fees are realised at once so that, over a round trip, realised P&L equals the cash change.
     */
    Change apply(Side side, BigDecimal price, BigDecimal fillQuantity, BigDecimal fee) {
        BigDecimal delta = Decimals.signed(side, fillQuantity);
        BigDecimal after = quantity.add(delta);
        if (quantity.signum() == 0 || quantity.signum() == delta.signum()) {
            BigDecimal cost = quantity.abs().multiply(averagePrice).add(fillQuantity.multiply(price));
            BigDecimal average = cost.divide(after.abs(), MathContext.DECIMAL64);
            return new Change(new Position(Decimals.normalised(after), Decimals.normalised(average)),
                    Decimals.normalised(fee.negate()));
        }
        BigDecimal closed = fillQuantity.min(quantity.abs());
        BigDecimal realised = price.subtract(averagePrice).multiply(closed)
                .multiply(BigDecimal.valueOf(quantity.signum())).subtract(fee);
        BigDecimal averageAfter = switch (after.signum() * quantity.signum()) {
            case 1 -> averagePrice;           // reduced, same direction
            case 0 -> BigDecimal.ZERO;        // closed
            default -> price;                 // flipped: the rest is opened at the fill price
        };
        return new Change(new Position(Decimals.normalised(after), Decimals.normalised(averageAfter)),
                Decimals.normalised(realised));
    }

    /** |quantity × average price|: the gross exposure the position counts for. */
    BigDecimal exposure() {
        return quantity.multiply(averagePrice).abs();
    }
}
