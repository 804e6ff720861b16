package org.mltrading.ui.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How numbers of one instrument are written: prices to its tick (tick 0.01 -> "230.05", never
 * "230.053003" or "230"), quantities to its lot (lot 1 -> "7"), money to its currency's minor unit
 * (USD -> "997,699.35", JPY -> "997,699"), thousands grouped. Average prices are not on the tick
 * by nature: they get two more decimals than the tick ("230.0445"). Values are rounded half-even
 * for display only; what is sent to the API is never formatted.
 *
 * @param tickSize smallest price step; null = unknown (prices keep up to {@link #UNKNOWN_SCALE} decimals)
 * @param lotSize  smallest quantity step; null = unknown (quantities without trailing zeros)
 * @param currency ISO 4217 code of prices and money; null = two decimals, no code
 */
public record InstrumentFormat(BigDecimal tickSize, BigDecimal lotSize, String currency) {

    /** Decimals of a price whose instrument is not known: enough for crypto ticks, no float noise. */
    static final int UNKNOWN_SCALE = 6;
    /** The format of an instrument the UI has no reference data for. */
    public static final InstrumentFormat UNKNOWN = new InstrumentFormat(null, null, null);

    public String price(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (tickSize == null) {
            return grouped(trim(value.setScale(Math.min(value.scale(), UNKNOWN_SCALE), RoundingMode.HALF_EVEN)));
        }
        return grouped(value.setScale(scaleOf(tickSize), RoundingMode.HALF_EVEN));
    }

    public String averagePrice(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (tickSize == null) {
            return price(value);
        }
        return grouped(trimTo(value.setScale(scaleOf(tickSize) + 2, RoundingMode.HALF_EVEN), scaleOf(tickSize)));
    }

    public String quantity(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (lotSize == null) {
            return grouped(trim(value));
        }
        return grouped(value.setScale(scaleOf(lotSize), RoundingMode.HALF_EVEN));
    }

    /** Money in the instrument's currency, without the code (columns say it in the header). */
    public String money(BigDecimal value) {
        return value == null ? "" : grouped(value.setScale(minorUnits(currency), RoundingMode.HALF_EVEN));
    }

    public String signedMoney(BigDecimal value) {
        return value == null ? "" : (value.signum() > 0 ? "+" : "") + money(value);
    }

    /** Money of any amount in a currency: "997,699.35 USD". */
    public static String money(BigDecimal value, String currency) {
        if (value == null) {
            return "";
        }
        String amount = grouped(value.setScale(minorUnits(currency), RoundingMode.HALF_EVEN));
        return currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    static int minorUnits(String currency) {
        if (currency == null || currency.isBlank()) {
            return 2;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException notIso) {
            return 2;
        }
    }

    private static int scaleOf(BigDecimal step) {
        return Math.max(0, step.stripTrailingZeros().scale());
    }

    private static BigDecimal trim(BigDecimal value) {
        BigDecimal trimmed = value.stripTrailingZeros();
        return trimmed.scale() < 0 ? trimmed.setScale(0) : trimmed;
    }

    /** Drops trailing zeros but keeps at least {@code minimum} decimals. */
    private static BigDecimal trimTo(BigDecimal value, int minimum) {
        BigDecimal trimmed = trim(value);
        return trimmed.scale() < minimum ? trimmed.setScale(minimum) : trimmed;
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(value.scale());
        format.setMaximumFractionDigits(value.scale());
        return format.format(value);
    }
}
