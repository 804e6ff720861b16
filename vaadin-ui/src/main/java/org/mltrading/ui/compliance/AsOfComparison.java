package org.mltrading.ui.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "What did we know at time T": an order's or account's state rebuilt as of an instant, next to its
 * state now, field by field, with the fields that changed since marked.
 */
public final class AsOfComparison {

    /** One field: its API name, the value then and now as written for reading, and whether it changed. */
    public record Row(String field, String then, String now, boolean changed) {

        /** "filledQuantity" -> "Filled quantity": the officer reads words, not camelCase. */
        public String label() {
            return words(field);
        }

        /**
         * What changed: "+100" for numbers (now minus then), "WORKING → FILLED" otherwise; empty
         * when nothing changed. "changed" alone did not say by how much.
         */
        public String difference() {
            if (!changed) {
                return "";
            }
            BigDecimal before = number(then);
            BigDecimal after = number(now);
            if (before != null && after != null) {
                BigDecimal delta = after.subtract(before);
                return (delta.signum() > 0 ? "+" : "") + readable(delta);
            }
            return (then.isEmpty() ? "—" : then) + " → " + (now.isEmpty() ? "—" : now);
        }
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AsOfComparison() {
    }

    /**
     * Rows for every field of either state, in the order the fields were asked for. A null state
     * (unknown id, or the aggregate did not exist yet at that instant) shows as empty cells.
     */
    public static List<Row> of(Map<String, Object> then, Map<String, Object> now) {
        Set<String> fields = new LinkedHashSet<>();
        if (then != null) {
            fields.addAll(then.keySet());
        }
        if (now != null) {
            fields.addAll(now.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String field : fields) {
            Object rawThen = then == null ? null : then.get(field);
            Object rawNow = now == null ? null : now.get(field);
            boolean identifier = field.equals("id") || field.endsWith("Id");
            String before = identifier ? Objects.toString(rawThen, "") : text(rawThen);
            String after = identifier ? Objects.toString(rawNow, "") : text(rawNow);
            rows.add(new Row(field, before, after, !same(rawThen, rawNow)));
        }
        return rows;
    }

    /**
     * A value as the officer reads it: numbers grouped without float noise, instants in UTC on a
     * 24-hour clock, positions as "AAPL 10 @ 230.0445", other objects as "name: value" pairs.
     * Raw values are compared, so formatting can never hide or invent a change.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return mapText(map);
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "none" : String.join("; ", list.stream().map(AsOfComparison::text).toList());
        }
        String raw = value.toString();
        BigDecimal number = number(raw);
        if (number != null) {
            return readable(number);
        }
        Instant instant = instant(raw);
        return instant == null ? raw : TIME.format(instant) + " UTC";
    }

    /**
     * The instant when the whole text is one in ISO-8601 (the API's DateTime), else null. Most
     * values are not instants, so this asks the parser without resolving ({@code parseUnresolved}
     * answers null and an error index instead of throwing); the instant parser has already turned
     * the fields into epoch seconds and nanos, and it refuses impossible dates such as 2026-02-30.
     */
    private static Instant instant(String text) {
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor parsed = DateTimeFormatter.ISO_INSTANT.parseUnresolved(text, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
            return null;
        }
        return Instant.ofEpochSecond(parsed.getLong(ChronoField.INSTANT_SECONDS),
                parsed.getLong(ChronoField.NANO_OF_SECOND));
    }

    /** Raw values compared, numbers by value ("100" = "100.0"): formatting never hides or invents a change. */
    private static boolean same(Object then, Object now) {
        if (Objects.equals(then, now)) {
            return true;
        }
        if (then == null || now == null) {
            return false;
        }
        BigDecimal a = number(then.toString());
        BigDecimal b = number(now.toString());
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static String mapText(Map<?, ?> map) {
        Object symbol = map.get("symbol");
        Object quantity = map.get("quantity");
        if (symbol != null && quantity != null) {
            Object price = map.get("averagePrice");
            return symbol + " " + text(quantity) + (price == null ? "" : " @ " + text(price));
        }
        List<String> pairs = new ArrayList<>();
        map.forEach((key, item) -> pairs.add(words(String.valueOf(key)).toLowerCase(Locale.ROOT) + ": " + text(item)));
        return String.join(", ", pairs);
    }

    /**
     * The value when the whole text is a number as the API or a person writes one, else null:
     * plain ("-1234.5") or grouped by thousands ("1,234.5"). Anything else is free text and is
     * never rewritten: "10,20" is not 1,020, "007" is not 7.
     */
    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (GROUPED_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        return null;
    }

    /** Grouped, no trailing zeros; amounts of 1,000 or more at most two decimals (money). */
    private static String readable(BigDecimal value) {
        BigDecimal shown = value.stripTrailingZeros();
        if (shown.scale() > 2 && value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            shown = shown.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        grouped.setMinimumFractionDigits(shown.scale());
        grouped.setMaximumFractionDigits(shown.scale());
        return grouped.format(shown);
    }

    static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** "0", "-1234.5": no leading zeros, as BigDecimal.toPlainString writes numbers. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    /** "1,234", "-12,345,678.5": groups of exactly three digits after a first group of one to three. */
    private static final Pattern GROUPED_NUMBER = Pattern.compile("-?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?");
}
