package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/** Market data as an integrator meets it: reference data, quotes, bars, and live streams over graphql-transport-ws. */
class MarketDataIT {

    private static RunningPlatform platform;
    private static String token;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        token = platform.integratorToken();
    }

    @Test
    void the_instrument_list_has_the_local_profile_symbols_with_tick_and_lot_sizes() {
        JsonNode instruments = platform.graphql(token, "{ instruments { symbol assetClass currency tickSize lotSize } }", null)
                .data().get("instruments");
        List<String> symbols = new java.util.ArrayList<>();
        instruments.forEach(instrument -> {
            symbols.add(instrument.get("symbol").asText());
            assertThat(new BigDecimal(instrument.get("tickSize").asText())).isPositive();
            assertThat(new BigDecimal(instrument.get("lotSize").asText())).isPositive();
        });
        assertThat(symbols).contains("AAPL", "MSFT", "NVDA", "SPY", "BTC-USD", "ETH-USD", "EURUSD");
    }

    @Test
    void a_client_receives_a_steady_quote_stream_for_several_symbols() throws Exception {
        WebSocketGraphQlClient client = client();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Map> quotes = client.document("subscription { quotes(symbols: [\"AAPL\", \"BTC-USD\", \"EURUSD\"]) { symbol bid ask last time } }")
                    .retrieveSubscription("quotes").toEntity(Map.class)
                    .doOnNext(quote -> seen.add((String) quote.get("symbol")))
                    .take(Duration.ofSeconds(8))
                    .collectList().toFuture().get(20, TimeUnit.SECONDS);
            assertThat(seen).containsExactlyInAnyOrder("AAPL", "BTC-USD", "EURUSD");
            assertThat(quotes).hasSizeGreaterThan(6);
            for (Map quote : quotes) {
                assertThat(new BigDecimal((String) quote.get("bid"))).isLessThan(new BigDecimal((String) quote.get("ask")));
            }
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void one_minute_bars_of_the_last_hour_are_consistent_and_ascending() throws Exception {
        Thread.sleep(2_000); // let the simulator trade and QuestDB apply its WAL
        JsonNode bars = platform.graphql(token, """
                        query($from: DateTime!) { bars(symbol: "BTC-USD", interval: ONE_MINUTE, from: $from) { time open high low close volume } }""",
                Map.of("from", Instant.now().minus(Duration.ofHours(1)).toString())).data().get("bars");
        assertThat(bars.size()).isPositive();
        Instant previous = Instant.MIN;
        for (JsonNode bar : bars) {
            Instant time = Instant.parse(bar.get("time").asText());
            assertThat(time).isAfter(previous);
            previous = time;
            BigDecimal low = new BigDecimal(bar.get("low").asText());
            BigDecimal high = new BigDecimal(bar.get("high").asText());
            for (String field : new String[] {"open", "close"}) {
                BigDecimal price = new BigDecimal(bar.get(field).asText());
                assertThat(price).isBetween(low, high);
            }
            assertThat(new BigDecimal(bar.get("volume").asText())).isPositive();
        }
    }

    @Test
    void the_latest_quote_is_readable_and_an_unknown_symbol_gets_a_coded_error() {
        JsonNode quote = platform.graphql(token, "{ quote(symbol: \"MSFT\") { symbol bid ask time } }", null).data().get("quote");
        assertThat(quote.get("symbol").asText()).isEqualTo("MSFT");
        assertThat(platform.graphql(token, "{ quote(symbol: \"NOPE\") { symbol } }", null).firstErrorCode())
                .isEqualTo("MARKET_DATA_UNKNOWN_SYMBOL");
    }

    @Test
    void the_live_bar_subscription_pushes_the_current_bar() throws Exception {
        WebSocketGraphQlClient client = client();
        try {
            Map bar = client.document("subscription { bars(symbol: \"ETH-USD\", interval: ONE_MINUTE) { symbol interval time open high low close volume } }")
                    .retrieveSubscription("bars").toEntity(Map.class)
                    .next().toFuture().get(20, TimeUnit.SECONDS);
            assertThat(bar.get("symbol")).isEqualTo("ETH-USD");
            assertThat(new BigDecimal((String) bar.get("low"))).isLessThanOrEqualTo(new BigDecimal((String) bar.get("high")));
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void one_connection_may_not_hold_more_than_the_subscription_cap() throws Exception {
        WebSocketGraphQlClient client = client();
        List<reactor.core.Disposable> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                open.add(client.document("subscription { quotes(symbols: [\"SPY\"]) { symbol } }")
                        .retrieveSubscription("quotes").toEntity(Map.class).subscribe(quote -> { }, error -> { }));
            }
            Thread.sleep(2_000); // let the server register them
            Throwable refused = client.document("subscription { quotes(symbols: [\"SPY\"]) { symbol } }")
                    .executeSubscription()
                    .map(response -> response.getErrors().toString())
                    .next()
                    .map(errors -> (Throwable) new IllegalStateException(errors))
                    .onErrorResume(error -> Mono.just(error))
                    .toFuture().get(20, TimeUnit.SECONDS);
            assertThat(refused.toString()).contains("VALIDATION_TOO_MANY_SUBSCRIPTIONS");
        } finally {
            open.forEach(reactor.core.Disposable::dispose);
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static WebSocketGraphQlClient client() {
        return WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
    }
}
