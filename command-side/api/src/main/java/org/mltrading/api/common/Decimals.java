package org.mltrading.api.common;

import java.math.BigDecimal;

/** How the platform writes the decimals it computes: one convention for events, read models and messages. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Without trailing zeros and never in exponent notation: {@code 100.00} becomes {@code 100}, not
     * {@code 1E+2}, so values compare and serialise the same however they were computed. Null stays null.
     */
    public static BigDecimal normalised(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** For messages: plain notation, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return normalised(value).toPlainString();
    }
}
