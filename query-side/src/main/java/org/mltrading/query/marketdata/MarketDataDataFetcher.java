package org.mltrading.query.marketdata;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.graphql.DgsConstants;
import org.mltrading.graphql.types.AssetClass;
import org.mltrading.graphql.types.Bar;
import org.mltrading.graphql.types.Instrument;
import org.mltrading.graphql.types.Quote;
import org.mltrading.graphql.types.TradePrint;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** GraphQL operations of the market-data context. Any authenticated caller may read market data. */
@DgsComponent
class MarketDataDataFetcher {

    private static final Logger log = LoggerFactory.getLogger(MarketDataDataFetcher.class);
    static final int MAX_BARS = 10_000;
    static final int MAX_TRADES = 10_000;

    private final InstrumentCatalog instruments;
    private final MarketDataHub hub;
    private final LiveBars liveBars;
    private final MarketDataQueries queries;
    private final int maxSymbolsPerSubscription;
    // each subscription sends on its own worker, so a slow socket never stalls the feed or other clients
    private final Scheduler delivery = Schedulers.boundedElastic();

    MarketDataDataFetcher(InstrumentCatalog instruments, MarketDataHub hub, LiveBars liveBars, MarketDataQueries queries,
                          @Value("${platform.marketdata.max-symbols-per-subscription:100}") int maxSymbolsPerSubscription) {
        this.instruments = instruments;
        this.hub = hub;
        this.liveBars = liveBars;
        this.queries = queries;
        this.maxSymbolsPerSubscription = maxSymbolsPerSubscription;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Instrument> instruments() {
        return instruments.all().stream().map(MarketDataDataFetcher::toGraphQl).toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Quote quote(@InputArgument String symbol) {
        String known = knownSymbol(symbol);
        return hub.latestQuote(known).map(MarketDataDataFetcher::toGraphQl).orElseGet(() -> {
            try {
                return queries.latestQuote(known).map(MarketDataDataFetcher::toGraphQl).orElse(null);
            } catch (SQLException e) {
                throw unavailable(e);
            }
        });
    }

    @DgsData(parentType = DgsConstants.QUERY_TYPE, field = DgsConstants.QUERY.Bars)
    @PreAuthorize("isAuthenticated()")
    List<Bar> bars(@InputArgument String symbol, @InputArgument org.mltrading.graphql.types.BarInterval interval,
                   @InputArgument OffsetDateTime from, @InputArgument OffsetDateTime to) {
        String known = knownSymbol(symbol);
        BarInterval length = BarInterval.valueOf(interval.name());
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(length.length().multipliedBy(500)) : from.toInstant();
        checkRange(start, end);
        if (Duration.between(start, end).dividedBy(length.length()) > MAX_BARS) {
            throw new ApiException("MARKET_DATA_RANGE_TOO_LARGE",
                    "at most " + MAX_BARS + " bars per request; narrow from/to or use a longer interval");
        }
        try {
            return queries.bars(known, length, start, end).stream().map(MarketDataDataFetcher::toGraphQl).toList();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<TradePrint> trades(@InputArgument String symbol, @InputArgument OffsetDateTime from,
                            @InputArgument OffsetDateTime to, @InputArgument Integer first) {
        String known = knownSymbol(symbol);
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from.toInstant();
        checkRange(start, end);
        int limit = first == null ? 1_000 : first;
        if (limit < 1 || limit > MAX_TRADES) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and " + MAX_TRADES);
        }
        try {
            return queries.trades(known, start, end, limit).stream().map(trade -> TradePrint.newBuilder()
                    .symbol(trade.symbol()).price(trade.price()).size(trade.size())
                    .tradeId(Long.toString(trade.tradeId())).time(utc(trade.time())).build()).toList();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Conflation: each symbol's stream keeps only its latest quote while the client is busy
     * ({@code onBackpressureLatest}); the merge and the delivery worker request one at a time.
     */
    @DgsSubscription(field = DgsConstants.SUBSCRIPTION.Quotes)
    @PreAuthorize("isAuthenticated()")
    Publisher<Quote> quotes(@InputArgument List<String> symbols) {
        Set<String> wanted = wantedSymbols(symbols);
        List<Flux<org.mltrading.api.marketdata.Quote>> perSymbol = new ArrayList<>();
        for (String symbol : wanted) {
            perSymbol.add(hub.quotes().filter(quote -> quote.symbol().equals(symbol)).onBackpressureLatest());
        }
        return Flux.merge(1, perSymbol.toArray(Flux[]::new))
                .map(quote -> toGraphQl((org.mltrading.api.marketdata.Quote) quote))
                .publishOn(delivery, 1);
    }

    /**
     * Time and sales: every print of the symbols as the hub receives it (the hub hands a subscriber only
     * its symbols' prints). Prints are not conflated like quotes — a tape with holes misleads — but a
     * client that falls more than {@value #TAPE_BUFFER} prints behind loses the oldest ones waiting.
     */
    @DgsSubscription(field = DgsConstants.SUBSCRIPTION.TradePrints)
    @PreAuthorize("isAuthenticated()")
    Publisher<TradePrint> tradePrints(@InputArgument List<String> symbols) {
        Set<String> wanted = wantedSymbols(symbols);
        return Flux.<org.mltrading.api.marketdata.Trade>create(sink -> {
                    AutoCloseable listening = hub.subscribeTrades(wanted, sink::next);
                    sink.onDispose(() -> {
                        try {
                            listening.close();
                        } catch (Exception e) {
                            log.debug("trade listener not removed", e);
                        }
                    });
                })
                .onBackpressureBuffer(TAPE_BUFFER, dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                .map(trade -> TradePrint.newBuilder().symbol(trade.symbol()).price(trade.price()).size(trade.size())
                        .tradeId(Long.toString(trade.tradeId())).time(utc(trade.time())).build())
                .publishOn(delivery, 1);
    }

    private static final int TAPE_BUFFER = 1_024;

    private Set<String> wantedSymbols(List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "symbols must not be empty");
        }
        Set<String> wanted = new LinkedHashSet<>();
        symbols.forEach(symbol -> wanted.add(knownSymbol(symbol)));
        if (wanted.size() > maxSymbolsPerSubscription) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT,
                    "at most " + maxSymbolsPerSubscription + " symbols per subscription");
        }
        return wanted;
    }

    @DgsSubscription(field = DgsConstants.SUBSCRIPTION.Bars)
    @PreAuthorize("isAuthenticated()")
    Publisher<Bar> liveBars(@InputArgument String symbol, @InputArgument org.mltrading.graphql.types.BarInterval interval) {
        String known = knownSymbol(symbol);
        BarInterval length = BarInterval.valueOf(interval.name());
        return liveBars.updates()
                .filter(bar -> bar.symbol().equals(known) && bar.interval() == length)
                .onBackpressureLatest()
                .map(MarketDataDataFetcher::toGraphQl)
                .publishOn(delivery, 1);
    }

    private String knownSymbol(String symbol) {
        String normalized = symbol == null ? "" : symbol.trim().toUpperCase(java.util.Locale.ROOT);
        return instruments.find(normalized).map(org.mltrading.api.marketdata.Instrument::symbol)
                .orElseThrow(() -> new ApiException("MARKET_DATA_UNKNOWN_SYMBOL", "unknown symbol: " + symbol));
    }

    private static void checkRange(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from must not be after to");
        }
    }

    private static ApiException unavailable(SQLException e) {
        log.warn("market-data query failed: {}", e.getMessage());
        return new ApiException("MARKET_DATA_UNAVAILABLE", "market data store is not reachable; try again shortly");
    }

    static Instrument toGraphQl(org.mltrading.api.marketdata.Instrument instrument) {
        return Instrument.newBuilder().symbol(instrument.symbol()).name(instrument.name())
                .assetClass(AssetClass.valueOf(instrument.assetClass().name())).currency(instrument.currency())
                .tickSize(instrument.tickSize()).lotSize(instrument.lotSize()).build();
    }

    static Quote toGraphQl(org.mltrading.api.marketdata.Quote quote) {
        return Quote.newBuilder().symbol(quote.symbol()).bid(quote.bid()).ask(quote.ask()).last(quote.last())
                .time(utc(quote.time())).build();
    }

    static Bar toGraphQl(org.mltrading.api.marketdata.Bar bar) {
        return Bar.newBuilder().symbol(bar.symbol())
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(bar.interval().name()))
                .time(utc(bar.time())).open(bar.open()).high(bar.high()).low(bar.low()).close(bar.close())
                .volume(bar.volume()).build();
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
