package org.mltrading.command.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;

class VenueBookTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "c-1");

    private VenueBook book = new VenueBook(VenueSettings.defaults());

    // ---- market ----

    @Test
    void market_buy_fills_at_the_ask_plus_slippage_with_the_fee_on_arrival() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY));

        List<Object> commands = book.arrive(ORDER, Optional.of(quote("99.90", "100.00")), NOW);

        assertThat(commands).containsExactly(new RecordFillCommand(ORDER, ORDER + "-1", d("100.01000000"), d("10"),
                d("0.05000500"), NOW));
    }

    @Test
    void market_sell_fills_at_the_bid_minus_slippage() {
        accept(terms(Side.SELL, OrderType.MARKET, "10", null, null, TimeInForce.GTC));

        RecordFillCommand fill = (RecordFillCommand) book.arrive(ORDER, Optional.of(quote("99.90", "100.00")), NOW)
                .get(0);

        assertThat(fill.price()).isEqualTo(d("99.89001000"));
    }

    @Test
    void market_order_without_a_market_price_waits_for_the_first_quote() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY));

        assertThat(book.arrive(ORDER, Optional.empty(), NOW)).isEmpty();
        assertThat(book.onQuote(quote("99.90", "100.00"), NOW.plusSeconds(1)))
                .containsExactly(fill(1, "100.01000000", "10", "0.05000500", NOW.plusSeconds(1)));
    }

    @Test
    void quotes_of_other_symbols_do_not_touch_the_order() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY));
        book.arrive(ORDER, Optional.empty(), NOW);

        assertThat(book.onQuote(new Quote("MSFT", d("1"), d("2"), null, NOW), NOW)).isEmpty();
    }

    @Test
    void order_does_not_match_before_it_arrives_at_the_venue() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY));

        assertThat(book.onQuote(quote("99.90", "100.00"), NOW)).isEmpty();
    }

    // ---- limit ----

    @Test
    void limit_buy_rests_until_the_ask_crosses_and_then_fills_at_the_better_of_limit_and_ask() {
        accept(terms(Side.BUY, OrderType.LIMIT, "5", "100", null, TimeInForce.GTC));

        assertThat(book.arrive(ORDER, Optional.of(quote("100.4", "100.5")), NOW)).isEmpty();
        assertThat(book.onQuote(quote("100.1", "100.2"), NOW)).isEmpty();
        assertThat(book.onQuote(quote("99.7", "99.8"), NOW))
                .containsExactly(fill(1, "99.80000000", "5", "0.02495000", NOW));
    }

    @Test
    void limit_sell_fills_when_the_bid_reaches_the_limit() {
        accept(terms(Side.SELL, OrderType.LIMIT, "5", "100", null, TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("99.9", "100.1")), NOW);

        assertThat(book.onQuote(quote("100", "100.2"), NOW))
                .containsExactly(fill(1, "100.00000000", "5", "0.02500000", NOW));
    }

    // ---- stops ----

    @Test
    void stop_buy_triggers_when_the_ask_reaches_the_stop_and_fills_as_a_market_order() {
        accept(terms(Side.BUY, OrderType.STOP, "2", null, "105", TimeInForce.GTC));

        assertThat(book.arrive(ORDER, Optional.of(quote("103.9", "104")), NOW)).isEmpty();
        assertThat(book.onQuote(quote("104.9", "105"), NOW))
                .containsExactly(fill(1, "105.01050000", "2", "0.01050105", NOW));
    }

    @Test
    void stop_sell_triggers_when_the_bid_falls_to_the_stop() {
        accept(terms(Side.SELL, OrderType.STOP, "1", null, "95", TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("96", "96.1")), NOW);

        assertThat(book.onQuote(quote("95", "95.1"), NOW)).hasSize(1);
    }

    @Test
    void stop_limit_triggers_then_rests_as_a_limit_order() {
        accept(terms(Side.BUY, OrderType.STOP_LIMIT, "1", "105.5", "105", TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("103.9", "104")), NOW);

        // the market jumps through the stop beyond the limit: triggered, but nothing executes
        assertThat(book.onQuote(quote("105.9", "106"), NOW)).isEmpty();
        // back below the stop and inside the limit: still triggered, fills as a limit
        assertThat(book.onQuote(quote("104.8", "104.9"), NOW))
                .containsExactly(fill(1, "104.90000000", "1", "0.00524500", NOW));
    }

    // ---- partial fills ----

    @Test
    void a_large_order_fills_in_parts_of_the_liquidity_of_each_quote() {
        book = new VenueBook(VenueSettings.defaults().withLiquidityPerQuote(d("40")).withFeeBps(BigDecimal.ZERO)
                .withSlippageBps(BigDecimal.ZERO));
        accept(terms(Side.BUY, OrderType.MARKET, "100", null, null, TimeInForce.GTC));

        assertThat(book.arrive(ORDER, Optional.of(quote("9", "10")), NOW))
                .containsExactly(fill(1, "10.00000000", "40", "0E-8", NOW));
        // while the fill is in flight the order is not matched again
        assertThat(book.onQuote(quote("9", "10"), NOW)).isEmpty();

        book.filled(filledEvent(1, "40", "40", "60"));
        assertThat(book.onQuote(quote("9", "10"), NOW))
                .containsExactly(fill(2, "10.00000000", "40", "0E-8", NOW));

        book.filled(filledEvent(2, "40", "80", "20"));
        assertThat(book.onQuote(quote("9", "10"), NOW))
                .containsExactly(fill(3, "10.00000000", "20", "0E-8", NOW));

        book.filled(filledEvent(3, "20", "100", "0"));
        assertThat(book.size()).isZero();
    }

    // ---- IOC / FOK ----

    @Test
    void ioc_fills_what_is_available_now_and_cancels_the_remainder() {
        book = new VenueBook(VenueSettings.defaults().withLiquidityPerQuote(d("30")));
        accept(terms(Side.BUY, OrderType.MARKET, "100", null, null, TimeInForce.IOC));

        List<Object> commands = book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isInstanceOfSatisfying(RecordFillCommand.class,
                fill -> assertThat(fill.quantity()).isEqualByComparingTo("30"));
        assertThat(commands.get(1)).isInstanceOfSatisfying(CancelOrderCommand.class,
                cancel -> assertThat(cancel.reasonCode()).isEqualTo("IOC_REMAINDER"));
    }

    @Test
    void ioc_that_fills_completely_sends_no_cancel() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.IOC));

        assertThat(book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW)).singleElement()
                .isInstanceOf(RecordFillCommand.class);
    }

    @Test
    void ioc_limit_that_does_not_cross_is_cancelled_whole() {
        accept(terms(Side.BUY, OrderType.LIMIT, "10", "99", null, TimeInForce.IOC));

        assertThat(book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW)).singleElement()
                .isInstanceOfSatisfying(CancelOrderCommand.class,
                        cancel -> assertThat(cancel.reasonCode()).isEqualTo("IOC_REMAINDER"));
    }

    @Test
    void ioc_and_fok_without_a_market_price_are_cancelled_for_lack_of_liquidity() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.FOK));

        assertThat(book.arrive(ORDER, Optional.empty(), NOW)).singleElement()
                .isInstanceOfSatisfying(CancelOrderCommand.class,
                        cancel -> assertThat(cancel.reasonCode()).isEqualTo("NO_LIQUIDITY"));
    }

    @Test
    void fok_that_cannot_fill_completely_now_is_cancelled_without_any_fill() {
        book = new VenueBook(VenueSettings.defaults().withLiquidityPerQuote(d("30")));
        accept(terms(Side.BUY, OrderType.MARKET, "100", null, null, TimeInForce.FOK));

        assertThat(book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW)).singleElement()
                .isInstanceOfSatisfying(CancelOrderCommand.class,
                        cancel -> assertThat(cancel.reasonCode()).isEqualTo("FOK_NOT_FILLABLE"));
    }

    @Test
    void fok_that_can_fill_completely_fills_at_once() {
        accept(terms(Side.SELL, OrderType.LIMIT, "100", "99", null, TimeInForce.FOK));

        assertThat(book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW)).singleElement()
                .isInstanceOfSatisfying(RecordFillCommand.class,
                        fill -> assertThat(fill.quantity()).isEqualByComparingTo("100"));
    }

    // ---- expiry ----

    @Test
    void day_order_expires_at_midnight_utc_on_the_timer() {
        accept(terms(Side.BUY, OrderType.LIMIT, "5", "90", null, TimeInForce.DAY));
        book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        assertThat(book.onTimer(Instant.parse("2026-11-25T23:59:59.999Z"))).isEmpty();
        assertThat(book.onTimer(Instant.parse("2026-11-26T00:00:00Z")))
                .containsExactly(new ExpireOrderCommand(ORDER));
        // sent once, not every second
        assertThat(book.onTimer(Instant.parse("2026-11-26T00:00:01Z"))).isEmpty();
    }

    @Test
    void day_order_expires_instead_of_filling_on_a_quote_after_midnight() {
        accept(terms(Side.BUY, OrderType.LIMIT, "5", "90", null, TimeInForce.DAY));
        book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        assertThat(book.onQuote(quote("80", "80.1"), Instant.parse("2026-11-26T00:00:00.5Z")))
                .containsExactly(new ExpireOrderCommand(ORDER));
    }

    @Test
    void gtd_order_expires_at_its_expire_at() {
        Instant expireAt = NOW.plusSeconds(3600);
        book.accepted(new OrderAcceptedEvent(ORDER, ACCOUNT, "AAPL", new OrderTerms("AAPL", Side.BUY,
                OrderType.LIMIT, d("5"), d("90"), null, TimeInForce.GTD, expireAt), NOW));

        assertThat(book.onTimer(expireAt.minusMillis(1))).isEmpty();
        assertThat(book.onTimer(expireAt)).containsExactly(new ExpireOrderCommand(ORDER));
    }

    @Test
    void an_expiry_that_failed_is_sent_again() {
        accept(terms(Side.BUY, OrderType.LIMIT, "5", "90", null, TimeInForce.DAY));
        Instant midnight = Instant.parse("2026-11-26T00:00:00Z");
        book.onTimer(midnight);

        book.commandFailed(ORDER);

        assertThat(book.onTimer(midnight.plusSeconds(1))).containsExactly(new ExpireOrderCommand(ORDER));
    }

    // ---- rebuild / replay ----

    @Test
    void replayed_fills_set_the_next_fill_id_so_a_replay_never_fills_twice() {
        book = new VenueBook(VenueSettings.defaults().withLiquidityPerQuote(d("40")));
        // the events of a previous run: accepted, then fill 1 of 40
        accept(terms(Side.BUY, OrderType.MARKET, "100", null, null, TimeInForce.GTC));
        book.filled(filledEvent(1, "40", "40", "60"));

        List<Object> commands = book.goLive(symbol -> Optional.of(quote("99.9", "100")), NOW);

        assertThat(commands).singleElement().isInstanceOfSatisfying(RecordFillCommand.class, fill -> {
            assertThat(fill.fillId()).isEqualTo(ORDER + "-2");
            assertThat(fill.quantity()).isEqualByComparingTo("40");
        });
    }

    @Test
    void replayed_orders_that_ended_leave_nothing_to_match() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.GTC));
        book.filled(filledEvent(1, "10", "10", "0"));
        OrderId cancelled = OrderId.forClientOrder(ACCOUNT, "c-2");
        book.accepted(new OrderAcceptedEvent(cancelled, ACCOUNT, "AAPL",
                terms(Side.BUY, OrderType.LIMIT, "10", "50", null, TimeInForce.GTC), NOW));
        book.ended(cancelled);

        assertThat(book.goLive(symbol -> Optional.of(quote("99.9", "100")), NOW)).isEmpty();
        assertThat(book.size()).isZero();
    }

    @Test
    void replaying_the_same_fill_twice_counts_it_once() {
        accept(terms(Side.BUY, OrderType.LIMIT, "100", "100", null, TimeInForce.GTC));
        book.filled(filledEvent(1, "40", "40", "60"));
        book.filled(filledEvent(1, "40", "40", "60"));

        RecordFillCommand next = (RecordFillCommand) book.goLive(symbol -> Optional.of(quote("99.9", "100")), NOW)
                .get(0);

        assertThat(next.fillId()).isEqualTo(ORDER + "-2");
        assertThat(next.quantity()).isEqualByComparingTo("60");
    }

    @Test
    void an_ioc_accepted_before_a_restart_decides_when_the_venue_goes_live() {
        accept(terms(Side.BUY, OrderType.LIMIT, "10", "99", null, TimeInForce.IOC));

        assertThat(book.goLive(symbol -> Optional.of(quote("99.9", "100")), NOW)).singleElement()
                .isInstanceOf(CancelOrderCommand.class);
    }

    // ---- amend / failures ----

    @Test
    void an_amended_limit_is_matched_with_its_new_price_and_quantity() {
        accept(terms(Side.BUY, OrderType.LIMIT, "10", "90", null, TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        book.amended(new OrderAmendedEvent(ORDER, ACCOUNT, d("4"), d("100"), null, NOW));

        assertThat(book.onQuote(quote("99.9", "100"), NOW)).singleElement()
                .isInstanceOfSatisfying(RecordFillCommand.class, fill -> {
                    assertThat(fill.price()).isEqualByComparingTo("100");
                    assertThat(fill.quantity()).isEqualByComparingTo("4");
                });
    }

    @Test
    void a_failed_fill_makes_the_order_matchable_again_with_the_same_fill_id() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        book.commandFailed(ORDER);

        assertThat(book.onQuote(quote("99.9", "100"), NOW)).singleElement()
                .isInstanceOfSatisfying(RecordFillCommand.class,
                        fill -> assertThat(fill.fillId()).isEqualTo(ORDER + "-1"));
    }

    @Test
    void a_fill_in_flight_too_long_is_retried_after_the_timeout() {
        accept(terms(Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.GTC));
        book.arrive(ORDER, Optional.of(quote("99.9", "100")), NOW);

        book.onTimer(NOW.plus(VenueBook.IN_FLIGHT_TIMEOUT));

        assertThat(book.onQuote(quote("99.9", "100"), NOW)).hasSize(1);
    }

    // ---- helpers ----

    private void accept(OrderTerms terms) {
        book.accepted(new OrderAcceptedEvent(ORDER, ACCOUNT, terms.symbol(), terms, NOW));
    }

    private static OrderTerms terms(Side side, OrderType type, String quantity, String limit, String stop,
                                    TimeInForce tif) {
        return new OrderTerms("AAPL", side, type, d(quantity), limit == null ? null : d(limit),
                stop == null ? null : d(stop), tif, null);
    }

    private static OrderFilledEvent filledEvent(int n, String quantity, String filled, String leaves) {
        return new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, ORDER + "-" + n, d("100"), d(quantity),
                BigDecimal.ZERO, d(filled), d("100"), d(leaves), d(leaves).signum() == 0, NOW);
    }

    private static RecordFillCommand fill(int n, String price, String quantity, String fee, Instant at) {
        return new RecordFillCommand(ORDER, ORDER + "-" + n, d(price), d(quantity), d(fee), at);
    }

    private static Quote quote(String bid, String ask) {
        return new Quote("AAPL", d(bid), d(ask), null, NOW);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
