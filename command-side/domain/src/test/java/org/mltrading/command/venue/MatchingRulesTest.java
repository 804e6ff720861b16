package org.mltrading.command.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.OrderType;

class MatchingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private final MatchingRules rules = new MatchingRules(VenueSettings.defaults());

    private static Quote quote(String bid, String ask) {
        return new Quote("AAPL", bid == null ? null : new BigDecimal(bid), ask == null ? null : new BigDecimal(ask),
                null, NOW);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void market_buy_takes_the_ask_plus_one_basis_point_of_slippage_and_pays_half_a_basis_point_of_fee() {
        Optional<Execution> execution = rules.execution(OrderType.MARKET, Side.BUY, null, null, false, d("10"),
                quote("99.90", "100.00"));

        assertThat(execution).contains(new Execution(d("100.01000000"), d("10"), d("0.05000500")));
    }

    @Test
    void market_sell_takes_the_bid_minus_slippage() {
        Optional<Execution> execution = rules.execution(OrderType.MARKET, Side.SELL, null, null, false, d("10"),
                quote("99.90", "100.00"));

        assertThat(execution.orElseThrow().price()).isEqualByComparingTo("99.89001");
    }

    @Test
    void market_order_cannot_execute_without_a_price_on_its_side() {
        assertThat(rules.execution(OrderType.MARKET, Side.BUY, null, null, false, d("1"), quote("99", null))).isEmpty();
        assertThat(rules.execution(OrderType.MARKET, Side.SELL, null, null, false, d("1"), null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} limit {1} against bid {2} / ask {3} -> {4}")
    @CsvSource(nullValues = "none", value = {
            "BUY, 100, 100.5, 101, none",
            "BUY, 100, 99.5, 100, 100.00000000",
            "BUY, 100, 98.5, 99, 99.00000000",
            "SELL, 100, 99, 99.5, none",
            "SELL, 100, 100, 100.5, 100.00000000",
            "SELL, 100, 101, 101.5, 101.00000000"
    })
    void limit_executes_only_when_the_market_crosses_and_never_beyond_the_limit(
            Side side, String limit, String bid, String ask, String expectedPrice) {
        Optional<Execution> execution = rules.execution(OrderType.LIMIT, side, d(limit), null, false, d("5"),
                quote(bid, ask));

        assertThat(execution.map(Execution::price)).isEqualTo(Optional.ofNullable(expectedPrice).map(BigDecimal::new));
    }

    @ParameterizedTest(name = "{0} stop {1} against bid {2} / ask {3} -> triggered {4}")
    @CsvSource({
            "BUY, 105, 103, 104, false",
            "BUY, 105, 104, 105, true",
            "BUY, 105, 106, 107, true",
            "SELL, 95, 96, 97, false",
            "SELL, 95, 95, 96, true",
            "SELL, 95, 94, 95, true"
    })
    void stop_triggers_when_the_market_reaches_it(Side side, String stop, String bid, String ask, boolean triggered) {
        assertThat(MatchingRules.stopReached(side, d(stop), quote(bid, ask))).isEqualTo(triggered);
    }

    @Test
    void triggered_stop_executes_as_a_market_order_with_slippage() {
        Optional<Execution> untriggered = rules.execution(OrderType.STOP, Side.BUY, null, d("105"), false, d("1"),
                quote("103", "104"));
        Optional<Execution> triggered = rules.execution(OrderType.STOP, Side.BUY, null, d("105"), false, d("1"),
                quote("104.9", "105"));

        assertThat(untriggered).isEmpty();
        assertThat(triggered.orElseThrow().price()).isEqualByComparingTo("105.0105");
    }

    @Test
    void triggered_stop_limit_executes_only_within_its_limit() {
        Optional<Execution> beyondLimit = rules.execution(OrderType.STOP_LIMIT, Side.BUY, d("105.5"), d("105"), true,
                d("1"), quote("105.9", "106"));
        Optional<Execution> withinLimit = rules.execution(OrderType.STOP_LIMIT, Side.BUY, d("105.5"), d("105"), true,
                d("1"), quote("105.1", "105.2"));

        assertThat(beyondLimit).isEmpty();
        assertThat(withinLimit.orElseThrow().price()).isEqualByComparingTo("105.2");
    }

    @Test
    void quantity_is_capped_by_the_liquidity_of_one_quote() {
        MatchingRules thin = new MatchingRules(VenueSettings.defaults().withLiquidityPerQuote(d("40")));

        assertThat(thin.execution(OrderType.MARKET, Side.BUY, null, null, false, d("100"), quote("9", "10"))
                .orElseThrow().quantity()).isEqualByComparingTo("40");
        assertThat(thin.execution(OrderType.MARKET, Side.BUY, null, null, false, d("25"), quote("9", "10"))
                .orElseThrow().quantity()).isEqualByComparingTo("25");
    }

    @ParameterizedTest(name = "price {0} x {1} at {2} bps -> fee {3}")
    @CsvSource({
            "100, 10, 0.5, 0.05000000",
            "0.00000003, 1, 5000, 0.00000002",
            "0.00000001, 5, 5000, 0.00000002",
            "0.00000001, 7, 5000, 0.00000004"
    })
    void fee_is_rounded_to_eight_decimals_half_even(String price, String quantity, String feeBps, String fee) {
        MatchingRules custom = new MatchingRules(VenueSettings.defaults().withFeeBps(d(feeBps)));

        assertThat(custom.fee(d(price), d(quantity))).isEqualTo(d(fee));
    }

    @ParameterizedTest(name = "ask {0} -> {1}")
    @CsvSource({"1.000000025, 1.00000002", "1.000000035, 1.00000004", "1.000000026, 1.00000003"})
    void market_price_is_rounded_to_eight_decimals_half_even(String ask, String price) {
        MatchingRules noSlippage = new MatchingRules(VenueSettings.defaults().withSlippageBps(BigDecimal.ZERO));

        assertThat(noSlippage.marketPrice(Side.BUY, quote("1", ask))).contains(d(price));
    }
}
