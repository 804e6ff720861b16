package org.mltrading.ui.marketdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's watchlist: one row per symbol, in the order given, with the latest quote and the
 * direction of the last change of its mark (for the up/down colouring). Quotes of other symbols
 * and quotes older than the one shown are ignored. Not thread-safe: used under the session lock.
 */
public final class Watchlist {

    /** How the mark moved with the latest quote. */
    public enum Tick { UP, DOWN, UNCHANGED }

    /** One row: symbol, latest quote (null before the first), and the last move. */
    public record Row(String symbol, QuoteTick quote, Tick tick) {

        public BigDecimal spread() {
            return quote == null || quote.bid() == null || quote.ask() == null ? null
                    : quote.ask().subtract(quote.bid());
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    public Watchlist(List<String> symbols) {
        symbols.forEach(symbol -> rows.put(symbol, new Row(symbol, null, Tick.UNCHANGED)));
    }

    public List<String> symbols() {
        return List.copyOf(rows.keySet());
    }

    public List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    public Optional<QuoteTick> quote(String symbol) {
        return Optional.ofNullable(rows.get(symbol)).map(Row::quote);
    }

    /** @return the updated row, or empty if the quote was not for this list or not newer */
    public Optional<Row> apply(QuoteTick quote) {
        Row current = rows.get(quote.symbol());
        if (current == null) {
            return Optional.empty();
        }
        QuoteTick previous = current.quote();
        if (previous != null && previous.time() != null && quote.time() != null
                && quote.time().isBefore(previous.time())) {
            return Optional.empty();
        }
        Row next = new Row(quote.symbol(), quote, direction(previous, quote));
        rows.put(quote.symbol(), next);
        return Optional.of(next);
    }

    private static Tick direction(QuoteTick previous, QuoteTick next) {
        BigDecimal before = previous == null ? null : previous.mark();
        BigDecimal now = next.mark();
        if (before == null || now == null) {
            return Tick.UNCHANGED;
        }
        int compared = now.compareTo(before);
        return compared > 0 ? Tick.UP : compared < 0 ? Tick.DOWN : Tick.UNCHANGED;
    }
}
