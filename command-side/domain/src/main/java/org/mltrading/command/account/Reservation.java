package org.mltrading.command.account;

import java.math.BigDecimal;
import org.mltrading.api.common.Side;

/**
 * What an approved, still open order holds against the limits: its quantity (units, unsigned) still
 * to fill and its notional (account currency) still reserved. Fills consume both, never below zero.
 */
record Reservation(String symbol, Side side, BigDecimal quantity, BigDecimal notional) {

    Reservation afterFill(BigDecimal fillQuantity, BigDecimal fillNotional) {
        return new Reservation(symbol, side, Decimals.normalised(quantity.subtract(fillQuantity).max(BigDecimal.ZERO)),
                Decimals.normalised(notional.subtract(fillNotional).max(BigDecimal.ZERO)));
    }

    boolean isUsedUp() {
        return quantity.signum() == 0 && notional.signum() == 0;
    }

    BigDecimal signedQuantity() {
        return Decimals.signed(side, quantity);
    }
}
