package org.mltrading.ui.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the desk writes numbers and times: exact decimals as sent, money to cents, UTC times. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** "1,194", "0.5", "-12,345.25": thousands grouped, no trailing zeros. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = value.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        java.text.DecimalFormat grouped = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        grouped.setMinimumFractionDigits(shown.scale());
        grouped.setMaximumFractionDigits(shown.scale());
        return grouped.format(shown);
    }

    public static String money(BigDecimal value) {
        return value == null ? "" : String.format("%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    public static String signedMoney(BigDecimal value) {
        return value == null ? "" : (value.signum() > 0 ? "+" : "") + money(value);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String percent(BigDecimal fraction) {
        return fraction == null ? "" : fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN) + " %";
    }
}
