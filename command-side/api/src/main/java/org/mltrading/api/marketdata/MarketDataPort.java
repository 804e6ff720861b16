package org.mltrading.api.marketdata;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The market-data port the venue and the ML bridge depend on. query-side's market-data module
 * implements it; in all-in-one it is wired in-process, in distributed mode through a client of the
 * GraphQL {@code quotes} subscription. Listeners are called on the feed's thread: they must be quick
 * and must not block.
 */
public interface MarketDataPort {

    /** Latest quote of a symbol, if any has been seen. */
    Optional<Quote> latestQuote(String symbol);

    /** The instrument's firm-wide order controls (collar, maximum order quantity). */
    default InstrumentControls controls(String symbol) {
        return InstrumentControls.DEFAULT;
    }

    /** Calls {@code listener} for every new quote of the symbols until the returned handle is closed. */
    AutoCloseable subscribeQuotes(Set<String> symbols, Consumer<Quote> listener);

    /** Calls {@code listener} for every new trade of the symbols until the returned handle is closed. */
    AutoCloseable subscribeTrades(Set<String> symbols, Consumer<Trade> listener);
}
