package org.mltrading.ui.marketdata;

import java.util.List;
import java.util.Map;
import org.mltrading.graphql.types.Bar;
import org.mltrading.graphql.types.Quote;
import org.mltrading.graphql.types.TradePrint;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The market-data GraphQL calls of the desk, made as the logged-in user (call from a Vaadin
 * request/UI thread). Documents are literal GraphQL checked against the schema files by
 * {@code ClientDocumentsTest}; answers are decoded into the types generated from the schema.
 */
@Component
public class MarketDataClient {

    static final String INSTRUMENTS_QUERY =
            "query Instruments { instruments { symbol name assetClass currency tickSize lotSize } }";
    static final String BARS_QUERY = "query Bars($symbol: String!, $interval: BarInterval!) { "
            + "bars(symbol: $symbol, interval: $interval) { symbol interval time open high low close volume } }";
    static final String QUOTES_SUBSCRIPTION = "subscription Quotes($symbols: [String!]!) { "
            + "quotes(symbols: $symbols) { symbol bid ask last time } }";
    static final String BARS_SUBSCRIPTION = "subscription LiveBars($symbol: String!, $interval: BarInterval!) { "
            + "bars(symbol: $symbol, interval: $interval) { symbol interval time open high low close volume } }";

    static final String RECENT_TRADES_QUERY = "query RecentTrades($symbol: String!, $from: DateTime!) { "
            + "trades(symbol: $symbol, from: $from, first: 10000) { symbol price size tradeId time } }";
    static final String TRADE_PRINTS_SUBSCRIPTION = "subscription TradePrints($symbols: [String!]!) { "
            + "tradePrints(symbols: $symbols) { symbol price size tradeId time } }";

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public MarketDataClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public List<InstrumentInfo> instruments() {
        return graphQl.queryList(token(), INSTRUMENTS_QUERY, Map.of(), "instruments", InstrumentInfo.class);
    }

    /** The latest bars (the API's default window: 500 intervals up to now), ascending. */
    public List<Candle> bars(String symbol, ChartInterval interval) {
        return graphQl.queryList(token(), BARS_QUERY, Map.of("symbol", symbol, "interval", interval.name()),
                "bars", Bar.class).stream().map(Candle::from).toList();
    }

    /**
     * A connection for the live streams of one view, as the logged-in user (call on a request/UI
     * thread); the user is captured now, a fresh token is taken on each (re)connect.
     */
    public SubscriptionChannel openChannel() {
        Authentication user = AccessTokens.currentUser();
        return graphQl.openChannel(() -> tokens.accessToken(user));
    }

    /** Live quotes of the symbols (conflated by the API for slow clients). */
    public Flux<QuoteTick> quotes(SubscriptionChannel channel, List<String> symbols) {
        return channel.subscribe(QUOTES_SUBSCRIPTION, Map.of("symbols", symbols), "quotes", Quote.class)
                .map(QuoteTick::from);
    }

    /** The live bar of the symbol and interval, on every trade. */
    public Flux<Candle> liveBars(SubscriptionChannel channel, String symbol, ChartInterval interval) {
        return channel.subscribe(BARS_SUBSCRIPTION, Map.of("symbol", symbol, "interval", interval.name()), "bars",
                Bar.class).map(Candle::from);
    }

    /** The symbol's trade prints of the last {@code window}, ascending (the tape's start). */
    public List<TimeAndSales.TradePrint> recentTrades(String symbol, java.time.Duration window) {
        String from = java.time.Instant.now().minus(window).toString();
        return graphQl.queryList(token(), RECENT_TRADES_QUERY, Map.of("symbol", symbol, "from", from), "trades",
                TradePrint.class).stream().map(MarketDataClient::print).toList();
    }

    /** The symbol's live trade prints (time and sales). */
    public Flux<TimeAndSales.TradePrint> tradePrints(SubscriptionChannel channel, String symbol) {
        return channel.subscribe(TRADE_PRINTS_SUBSCRIPTION, Map.of("symbols", List.of(symbol)), "tradePrints",
                TradePrint.class).map(MarketDataClient::print);
    }

    private static TimeAndSales.TradePrint print(TradePrint print) {
        return new TimeAndSales.TradePrint(print.getSymbol(), print.getTradeId(), print.getTime().toInstant(),
                print.getPrice(), print.getSize());
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
