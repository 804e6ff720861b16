package org.mltrading.ops.history;

import java.util.List;
import java.util.Locale;

/** What a history file holds, with the fields it maps from CSV columns and their default header names. */
public enum HistoryKind {

    /** OHLCV bars, stored as they are in table {@code bars} (volume is optional). */
    BARS(List.of(
            new Field("open", List.of("open"), true),
            new Field("high", List.of("high"), true),
            new Field("low", List.of("low"), true),
            new Field("close", List.of("close"), true),
            new Field("volume", List.of("volume", "vol"), false))),

    /** Single trades, stored in table {@code trades}; bars of any interval come from QuestDB SAMPLE BY. */
    TRADES(List.of(
            new Field("price", List.of("price"), true),
            new Field("size", List.of("size", "amount", "quantity", "qty", "volume"), true)));

    /** Header names tried, in order, for the time column when none is given. */
    public static final List<String> TIME_COLUMN_NAMES = List.of("date", "timestamp", "time", "ts", "datetime");

    private final List<Field> fields;

    HistoryKind(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return fields;
    }

    public String table() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HistoryKind parse(String text) {
        for (HistoryKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--kind must be bars or trades, was '" + text + "'");
    }

    /**
     * A value the import needs; {@code defaultColumns} are the header names (case-insensitive) it is
     * read from unless {@code --columns} maps it; an optional field may be missing from the file.
     */
    public record Field(String name, List<String> defaultColumns, boolean required) {
    }
}
