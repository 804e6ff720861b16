package org.mltrading.ops.history;

import java.math.BigDecimal;

/**
 * One validated row of a history file. Times are microseconds since the epoch, UTC; prices and sizes
 * are exact decimals with trailing zeros stripped (so {@code 800.010000000000} is {@code 800.01}).
 */
public sealed interface HistoryRow permits HistoryRow.Bar, HistoryRow.Trade {

    long line();

    long micros();

    /** A bar starting at {@code micros}; {@code volume} is null when the file has none. */
    record Bar(long line, long micros, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
               BigDecimal volume) implements HistoryRow {
    }

    /**
     * A trade; its id is the line of the file it came from, which is stable across re-imports of the
     * same file, so the DEDUP key (ts, symbol, trade_id) replaces a re-sent trade and keeps trades of
     * the same second apart.
     */
    record Trade(long line, long micros, BigDecimal price, BigDecimal size) implements HistoryRow {

        public long tradeId() {
            return line;
        }
    }
}
