package org.mltrading.ui.graphql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's refusal codes (docs/api/errors.md) in the words a trader reads: a short title per code,
 * followed by the API's own detail, which names the numbers involved. Codes never reach the page
 * on their own; a code missing here is shown as "Refused" with the detail, never as the raw code.
 */
public final class Refusals {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("ORDER_INVALID_QUANTITY", "Quantity not accepted"),
            Map.entry("ORDER_INVALID_PRICE", "Price not accepted"),
            Map.entry("ORDER_LIMIT_PRICE_REQUIRED", "A limit price is needed"),
            Map.entry("ORDER_STOP_PRICE_REQUIRED", "A stop price is needed"),
            Map.entry("ORDER_EXPIRE_AT_REQUIRED", "An expiry time is needed"),
            Map.entry("ORDER_EXPIRE_AT_IN_PAST", "The expiry time has passed"),
            Map.entry("ORDER_INVALID_CLIENT_ORDER_ID", "Client order id not accepted"),
            Map.entry("ORDER_DUPLICATE_CLIENT_ORDER_ID", "Client order id already used for another order"),
            Map.entry("ORDER_UNKNOWN_SYMBOL", "Unknown instrument"),
            Map.entry("ORDER_UNKNOWN_ACCOUNT", "Unknown account"),
            Map.entry("ORDER_NOT_FOUND", "Order not found"),
            Map.entry("ORDER_NOT_WORKING", "The order is no longer working"),
            Map.entry("RISK_MAX_ORDER_NOTIONAL", "Order value over the account's limit"),
            Map.entry("RISK_MAX_POSITION", "Position would exceed the limit per instrument"),
            Map.entry("RISK_MAX_GROSS_EXPOSURE", "Gross exposure would exceed the account's limit"),
            Map.entry("RISK_MAX_DAILY_LOSS", "Daily loss limit reached"),
            Map.entry("RISK_RESTRICTED_SYMBOL", "Instrument is restricted"),
            Map.entry("RISK_ORDER_RATE", "Too many orders per second"),
            Map.entry("RISK_TRADING_HALTED", "Trading is halted on this account"),
            Map.entry("RISK_REDUCE_ONLY", "Account is reduce-only"),
            Map.entry("RISK_NO_MARKET_PRICE", "No market price yet"),
            Map.entry("RISK_INVALID_LIMITS", "Risk limits not accepted"),
            Map.entry("RISK_FIRM_HALTED", "Trading is halted firm-wide"),
            Map.entry("RISK_PRICE_COLLAR", "Limit price outside the instrument's price collar"),
            Map.entry("RISK_MAX_ORDER_QUANTITY", "Quantity over the instrument's maximum per order"),
            Map.entry("RISK_APPROVAL_REQUIRED", "Raising a limit needs a second risk officer"),
            Map.entry("RISK_APPROVAL_BY_PROPOSER", "A different risk officer must approve"),
            Map.entry("RISK_PROPOSAL_NOT_FOUND", "The proposal is no longer open"),
            Map.entry("PERMISSION_DENIED", "Not permitted"),
            Map.entry("NOT_FOUND", "Not found"),
            Map.entry("RATE_LIMITED", "Too many requests; try again in a second"),
            Map.entry("VALIDATION_DECIMAL_OUT_OF_RANGE", "Number out of range"),
            Map.entry("VALIDATION_INVALID_INPUT", "Input not accepted"));

    /** A decimal number in an API detail ("notional 2000000.000 exceeds max order notional 100000"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,-])-?\\d+(\\.\\d+)?(?![\\w-]|[.,]\\d)");

    private Refusals() {
    }

    /** True for codes of the catalogue: their API message is meant for humans and safe to show. */
    public static boolean known(String code) {
        return code != null && TITLES.containsKey(code);
    }

    /** "Order value over the account's limit" for RISK_MAX_ORDER_NOTIONAL; "Refused" if unknown. */
    public static String title(String code) {
        return code == null ? "Refused" : TITLES.getOrDefault(code, "Refused");
    }

    /** Title and detail: "Quantity not accepted: quantity must be a multiple of the lot size 1". */
    public static String describe(String code, String detail) {
        String tidy = tidyNumbers(detail);
        return tidy == null || tidy.isBlank() ? title(code) : title(code) + ": " + tidy;
    }

    /**
     * Writes the numbers of an API detail for reading: thousands grouped, trailing zeros dropped,
     * amounts of 1,000 or more to two decimals (the API writes exact decimals such as
     * 11634297.9500300000002). Smaller numbers keep their digits: they may be prices on a fine tick.
     */
    static String tidyNumbers(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher numbers = NUMBER.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (numbers.find()) {
            numbers.appendReplacement(out, Matcher.quoteReplacement(readable(new BigDecimal(numbers.group()))));
        }
        numbers.appendTail(out);
        return out.toString();
    }

    private static String readable(BigDecimal value) {
        BigDecimal shown = value.stripTrailingZeros();
        if (shown.scale() > 2 && value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            shown = shown.setScale(2, RoundingMode.HALF_EVEN);
        }
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        if (shown.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return shown.toPlainString();
        }
        DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        grouped.setMinimumFractionDigits(shown.scale());
        grouped.setMaximumFractionDigits(shown.scale());
        return grouped.format(shown);
    }
}
