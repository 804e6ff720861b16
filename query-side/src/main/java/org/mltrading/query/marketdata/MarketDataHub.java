package org.mltrading.query.marketdata;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The in-process market-data stream: every feed (simulator, import of live replays, real adapters)
 * publishes here; it fans out to QuestDB (through {@link MarketDataSink}s), to the latest-quote cache,
 * to port listeners (venue, ML bridge) and to GraphQL subscriptions. Publishing never waits for a
 * slow subscriber: subscription fluxes are best-effort and conflate downstream.
 */
@Component
public class MarketDataHub implements MarketDataPort {

    private static final Logger log = LoggerFactory.getLogger(MarketDataHub.class);

    private final Map<String, Quote> latest = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<MarketDataSink> sinks = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<QuoteListener> quoteListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<TradeListener> tradeListeners = new CopyOnWriteArrayList<>();
    private final Sinks.Many<Quote> quotes = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Trade> trades = Sinks.many().multicast().directBestEffort();

    private volatile org.mltrading.query.marketdata.instrument.InstrumentCatalog catalog;

    public MarketDataHub(java.util.List<MarketDataSink> sinks) {
        this.sinks.addAll(sinks);
    }

    /** The instrument reference data the order controls come from (absent in bare test hubs: defaults). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setInstrumentCatalog(org.mltrading.query.marketdata.instrument.InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public org.mltrading.api.marketdata.InstrumentControls controls(String symbol) {
        var instruments = catalog;
        return instruments == null ? org.mltrading.api.marketdata.InstrumentControls.DEFAULT : instruments.controls(symbol);
    }

    /** Publishes a quote. Thread-safe; the hub serialises emissions into the subscription sinks. */
    public void publish(Quote quote) {
        latest.merge(quote.symbol(), quote, (old, now) -> now.time().isBefore(old.time()) ? old : now);
        for (MarketDataSink sink : sinks) {
            sink.accept(quote);
        }
        for (QuoteListener listener : quoteListeners) {
            listener.offer(quote);
        }
        synchronized (quotes) {
            quotes.tryEmitNext(quote);
        }
    }

    /** Publishes a trade print. */
    public void publish(Trade trade) {
        for (MarketDataSink sink : sinks) {
            sink.accept(trade);
        }
        for (TradeListener listener : tradeListeners) {
            listener.offer(trade);
        }
        synchronized (trades) {
            trades.tryEmitNext(trade);
        }
    }

    public Flux<Quote> quotes() {
        return quotes.asFlux();
    }

    public Flux<Trade> trades() {
        return trades.asFlux();
    }

    @Override
    public Optional<Quote> latestQuote(String symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    @Override
    public AutoCloseable subscribeQuotes(Set<String> symbols, Consumer<Quote> listener) {
        QuoteListener entry = new QuoteListener(Set.copyOf(symbols), listener);
        quoteListeners.add(entry);
        return () -> quoteListeners.remove(entry);
    }

    @Override
    public AutoCloseable subscribeTrades(Set<String> symbols, Consumer<Trade> listener) {
        TradeListener entry = new TradeListener(Set.copyOf(symbols), listener);
        tradeListeners.add(entry);
        return () -> tradeListeners.remove(entry);
    }

    private record QuoteListener(Set<String> symbols, Consumer<Quote> consumer) {
        void offer(Quote quote) {
            if (symbols.contains(quote.symbol())) {
                try {
                    consumer.accept(quote);
                } catch (RuntimeException e) {
                    log.warn("Quote listener failed: {}", e.toString());
                }
            }
        }
    }

    private record TradeListener(Set<String> symbols, Consumer<Trade> consumer) {
        void offer(Trade trade) {
            if (symbols.contains(trade.symbol())) {
                try {
                    consumer.accept(trade);
                } catch (RuntimeException e) {
                    log.warn("Trade listener failed: {}", e.toString());
                }
            }
        }
    }
}
