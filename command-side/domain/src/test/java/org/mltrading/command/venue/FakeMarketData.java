package org.mltrading.command.venue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;

/** An in-memory market-data port: tests set the latest quote and push quotes to subscribers. */
final class FakeMarketData implements MarketDataPort {

    private final Map<String, Quote> latest = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private record Subscription(Set<String> symbols, Consumer<Quote> listener) {
    }

    void setLatest(Quote quote) {
        latest.put(quote.symbol(), quote);
    }

    void publish(Quote quote) {
        setLatest(quote);
        subscriptions.stream().filter(s -> s.symbols().contains(quote.symbol()))
                .forEach(s -> s.listener().accept(quote));
    }

    Set<String> subscribedSymbols() {
        return subscriptions.stream().flatMap(s -> s.symbols().stream()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Optional<Quote> latestQuote(String symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    @Override
    public AutoCloseable subscribeQuotes(Set<String> symbols, Consumer<Quote> listener) {
        Subscription subscription = new Subscription(Set.copyOf(symbols), listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    @Override
    public AutoCloseable subscribeTrades(Set<String> symbols, Consumer<Trade> listener) {
        return () -> { };
    }
}
