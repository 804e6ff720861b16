package org.mltrading.command.order;

import java.math.BigDecimal;

/** How the order context writes the decimals it computes. */
final class Decimals {

    private Decimals() {
    }

    /**
     * Without trailing zeros and never in exponent notation: {@code 100.00} becomes {@code 100}, not
     * {@code 1E+2}, so events compare and serialise the same however the value was computed.
     */
    static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** For messages: plain notation, no trailing zeros. */
    static String plain(BigDecimal value) {
        return normalised(value).toPlainString();
    }
}
