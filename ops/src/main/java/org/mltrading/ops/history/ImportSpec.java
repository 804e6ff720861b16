package org.mltrading.ops.history;

import java.util.Map;
import java.util.regex.Pattern;
import org.mltrading.api.marketdata.BarInterval;

/**
 * What to import and how to read it.
 *
 * @param kind       bars or trades
 * @param symbol     the instrument the rows are stored under
 * @param interval   the bar length (bars only; null for trades)
 * @param timeColumn header name of the time column, or null for the first of {@link HistoryKind#TIME_COLUMN_NAMES}
 * @param timeFormat how times are written, or null to detect it from the first row
 * @param columns    field name → header name, overriding {@link HistoryKind.Field#defaultColumns()}
 */
public record ImportSpec(HistoryKind kind, String symbol, BarInterval interval, String timeColumn,
                         TimeFormat timeFormat, Map<String, String> columns) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

    public ImportSpec {
        if (kind == null) {
            throw new IllegalArgumentException("--kind bars|trades is required");
        }
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("--symbol is required: letters, digits and . _ : / - (was '" + symbol + "')");
        }
        if (kind == HistoryKind.BARS && interval == null) {
            interval = BarInterval.ONE_DAY;
        }
        if (kind == HistoryKind.TRADES && interval != null) {
            throw new IllegalArgumentException("--interval is for bars; trades become bars of any interval by SAMPLE BY");
        }
        columns = Map.copyOf(columns == null ? Map.of() : columns);
        for (String field : columns.keySet()) {
            if (kind.fields().stream().noneMatch(f -> f.name().equals(field))) {
                throw new IllegalArgumentException("--columns: " + kind.table() + " have no field '" + field + "' (fields: "
                        + String.join(", ", kind.fields().stream().map(HistoryKind.Field::name).toList()) + ")");
            }
        }
    }

    public static ImportSpec bars(String symbol, BarInterval interval) {
        return new ImportSpec(HistoryKind.BARS, symbol, interval, null, null, Map.of());
    }

    public static ImportSpec trades(String symbol) {
        return new ImportSpec(HistoryKind.TRADES, symbol, null, null, null, Map.of());
    }
}
