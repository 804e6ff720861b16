package org.mltrading.command.account;

import java.math.BigDecimal;
import org.mltrading.api.common.Side;

/** The account context's decimal helpers: the platform convention plus signed position changes. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal normalised(BigDecimal value) {
        return org.mltrading.api.common.Decimals.normalised(value);
    }

    static String plain(BigDecimal value) {
        return org.mltrading.api.common.Decimals.plain(value);
    }

    /** The quantity as a position change: positive for BUY, negative for SELL. */
    static BigDecimal signed(Side side, BigDecimal quantity) {
        return side == Side.BUY ? quantity : quantity.negate();
    }
}
