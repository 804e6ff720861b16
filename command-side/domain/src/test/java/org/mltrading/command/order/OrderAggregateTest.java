package org.mltrading.command.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.AcceptOrderCommand;
import org.mltrading.api.order.AmendOrderCommand;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.RejectOrderCommand;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.TimeInForce;

class OrderAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ID = OrderId.forClientOrder(ACCOUNT, "c-life");
    private static final Instant EARLIER = NOW.minusSeconds(60);

    private AggregateTestFixture<OrderAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderRulesOnly.fixture(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void place_order_emits_order_placed_with_the_terms_and_the_time() {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, new BigDecimal("10"),
                new BigDecimal("187.25"), null, TimeInForce.DAY, null);
        OrderId id = OrderId.forClientOrder(ACCOUNT, "c-1");

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(id, ACCOUNT, "c-1", terms))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPlacedEvent(id, ACCOUNT, "c-1", terms, NOW))
                .expectState(order -> {
                    assertThat(order.status()).isEqualTo(org.mltrading.api.order.OrderStatus.PENDING);
                    assertThat(order.accountId()).isEqualTo(ACCOUNT);
                });
    }

    @ParameterizedTest(name = "{0} {1} qty={2} limit={3} stop={4} tif={5} -> {6}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "BUY | MARKET | 0 | null | null | DAY | ORDER_INVALID_QUANTITY | quantity must be greater than 0",
            "SELL | MARKET | -1 | null | null | GTC | ORDER_INVALID_QUANTITY | quantity must be greater than 0",
            "BUY | LIMIT | 5 | null | null | DAY | ORDER_LIMIT_PRICE_REQUIRED | LIMIT orders need a limitPrice",
            "BUY | STOP | 5 | null | null | DAY | ORDER_STOP_PRICE_REQUIRED | STOP orders need a stopPrice",
            "BUY | STOP_LIMIT | 5 | 10 | null | DAY | ORDER_STOP_PRICE_REQUIRED | STOP_LIMIT orders need a stopPrice",
            "BUY | LIMIT | 5 | 0 | null | DAY | ORDER_INVALID_PRICE | prices must be greater than 0",
            "BUY | LIMIT | 5 | 10 | null | GTD | ORDER_EXPIRE_AT_REQUIRED | GTD orders need an expireAt"
    })
    void place_order_is_refused_without_an_event_when_the_terms_break_a_rule(
            Side side, OrderType type, String quantity, String limit, String stop, TimeInForce tif,
            OrderErrorCode expected, String message) {
        OrderTerms terms = new OrderTerms("AAPL", side, type, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), tif, null);

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(OrderId.forClientOrder(ACCOUNT, "c-2"), ACCOUNT, "c-2", terms))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(expected, message));
    }

    @Test
    void good_till_date_in_the_past_is_refused() {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, BigDecimal.ONE, BigDecimal.TEN, null,
                TimeInForce.GTD, NOW.minusSeconds(1));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(OrderId.forClientOrder(ACCOUNT, "c-3"), ACCOUNT, "c-3", terms))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_EXPIRE_AT_IN_PAST,
                        "expireAt must be in the future"));
    }

    @Test
    void the_same_client_order_id_on_the_same_account_always_names_the_same_order() {
        assertThat(OrderId.forClientOrder(ACCOUNT, "abc")).isEqualTo(OrderId.forClientOrder(ACCOUNT, "abc"));
        assertThat(OrderId.forClientOrder(ACCOUNT, "abc"))
                .isNotEqualTo(OrderId.forClientOrder(new AccountId("demo-account-2"), "abc"));
    }

    // --- lifecycle ---------------------------------------------------------------------------------

    @Test
    void an_accepted_order_starts_working_and_says_for_which_account() {
        OrderTerms terms = limit(OrderType.LIMIT, "10", TimeInForce.DAY);

        fixture.given(placed(terms))
                .when(new AcceptOrderCommand(ID))
                .expectEvents(new OrderAcceptedEvent(ID, ACCOUNT, "AAPL", terms, NOW))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.WORKING));
    }

    @Test
    void a_pending_order_rejected_by_risk_keeps_its_reason_code_and_reason() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)))
                .when(new RejectOrderCommand(ID, "RISK_MAX_ORDER_NOTIONAL",
                        "notional 1500000 exceeds max order notional 1000000"))
                .expectEvents(new OrderRejectedEvent(ID, ACCOUNT, "RISK_MAX_ORDER_NOTIONAL",
                        "notional 1500000 exceeds max order notional 1000000", NOW))
                .expectState(order -> {
                    assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
                    assertThat(order.rejectionCode()).isEqualTo("RISK_MAX_ORDER_NOTIONAL");
                    assertThat(order.rejectionReason()).isEqualTo("notional 1500000 exceeds max order notional 1000000");
                });
    }

    static Stream<Arguments> pendingOnlyCommands() {
        return Stream.of(
                Arguments.of("accept", new AcceptOrderCommand(ID)),
                Arguments.of("reject", new RejectOrderCommand(ID, "RISK_MAX_POSITION", "too big")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pendingOnlyCommands")
    void an_order_that_already_works_can_no_longer_be_accepted_or_rejected(String name, Object command) {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(command)
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_ALREADY_ACCEPTED, "order is WORKING"));
    }

    // --- fills -------------------------------------------------------------------------------------

    @Test
    void a_partial_fill_leaves_the_rest_working() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(new RecordFillCommand(ID, "f-1", dec("100"), dec("4"), dec("1.5"), EARLIER))
                .expectEvents(new OrderFilledEvent(ID, ACCOUNT, "AAPL", Side.BUY, "f-1", dec("100"), dec("4"),
                        dec("1.5"), dec("4"), dec("100"), dec("6"), false, EARLIER))
                .expectState(order -> {
                    assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(order.filledQuantity()).isEqualTo(dec("4"));
                    assertThat(order.leavesQuantity()).isEqualTo(dec("6"));
                    assertThat(order.averagePrice()).isEqualTo(dec("100"));
                });
    }

    @Test
    void the_last_fill_completes_the_order_at_the_volume_weighted_average_price() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted(),
                        filled("f-1", "100", "4", "4", "100", "6"))
                .when(new RecordFillCommand(ID, "f-2", dec("101"), dec("6"), BigDecimal.ZERO, EARLIER))
                .expectEvents(new OrderFilledEvent(ID, ACCOUNT, "AAPL", Side.BUY, "f-2", dec("101"), dec("6"),
                        BigDecimal.ZERO, dec("10"), dec("100.6"), dec("0"), true, EARLIER))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void the_average_price_is_computed_from_exact_sums_to_sixteen_digits() {
        fixture.given(placed(limit(OrderType.LIMIT, "3", TimeInForce.GTC)), accepted(),
                        filled("f-1", "10", "1", "1", "10", "2"),
                        filled("f-2", "10", "1", "2", "10", "1"))
                .when(new RecordFillCommand(ID, "f-3", dec("10.01"), dec("1"), BigDecimal.ZERO, EARLIER))
                .expectEvents(new OrderFilledEvent(ID, ACCOUNT, "AAPL", Side.BUY, "f-3", dec("10.01"), dec("1"),
                        BigDecimal.ZERO, dec("3"), dec("10.00333333333333"), dec("0"), true, EARLIER));
    }

    @Test
    void a_fill_without_fee_or_time_is_booked_with_no_fee_at_the_time_it_is_recorded() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(new RecordFillCommand(ID, "f-1", dec("100"), dec("10"), null, null))
                .expectEvents(new OrderFilledEvent(ID, ACCOUNT, "AAPL", Side.BUY, "f-1", dec("100"), dec("10"),
                        BigDecimal.ZERO, dec("10"), dec("100"), dec("0"), true, NOW));
    }

    @Test
    void a_second_fill_with_the_same_id_is_ignored() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted(),
                        filled("f-1", "100", "4", "4", "100", "6"))
                .when(new RecordFillCommand(ID, "f-1", dec("100"), dec("4"), BigDecimal.ZERO, EARLIER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(order -> assertThat(order.filledQuantity()).isEqualTo(dec("4")));
    }

    @Test
    void a_fill_re_sent_after_the_order_completed_is_ignored_too() {
        fixture.given(placed(limit(OrderType.LIMIT, "4", TimeInForce.DAY)), accepted(),
                        filled("f-1", "100", "4", "4", "100", "0"))
                .when(new RecordFillCommand(ID, "f-1", dec("100"), dec("4"), BigDecimal.ZERO, EARLIER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_fill_larger_than_what_is_left_is_refused() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted(),
                        filled("f-1", "100", "4", "4", "100", "6"))
                .when(new RecordFillCommand(ID, "f-2", dec("100"), dec("7"), BigDecimal.ZERO, EARLIER))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_INVALID_QUANTITY,
                        "fill quantity 7 exceeds leaves quantity 6"));
    }

    @ParameterizedTest(name = "fillId={0} price={1} qty={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "f-1, 100, 0, ORDER_INVALID_QUANTITY, fill quantity must be greater than 0",
            "f-1, 100, -1, ORDER_INVALID_QUANTITY, fill quantity must be greater than 0",
            "f-1, 0, 1, ORDER_INVALID_PRICE, fill price must be greater than 0",
            "f-1, null, 1, ORDER_INVALID_PRICE, fill price must be greater than 0",
            "null, 100, 1, ORDER_INVALID_FILL, a fill needs a fillId",
            "' ', 100, 1, ORDER_INVALID_FILL, a fill needs a fillId"
    })
    void a_malformed_fill_is_refused(String fillId, String price, String quantity, OrderErrorCode code,
                                     String message) {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(new RecordFillCommand(ID, fillId, price == null ? null : dec(price), dec(quantity),
                        BigDecimal.ZERO, EARLIER))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(code, message));
    }

    @Test
    void an_order_cannot_fill_before_it_is_accepted() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)))
                .when(new RecordFillCommand(ID, "f-1", dec("100"), dec("1"), BigDecimal.ZERO, EARLIER))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_NOT_WORKING, "order is PENDING"));
    }

    // --- cancel ------------------------------------------------------------------------------------

    static Stream<Arguments> cancellableOrders() {
        return Stream.of(
                Arguments.of(OrderStatus.PENDING, List.of(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY))), "10"),
                Arguments.of(OrderStatus.WORKING,
                        List.of(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted()), "10"),
                Arguments.of(OrderStatus.PARTIALLY_FILLED,
                        List.of(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted(),
                                filled("f-1", "100", "4", "4", "100", "6")), "6"));
    }

    @ParameterizedTest(name = "{0} cancels {2}")
    @MethodSource("cancellableOrders")
    void a_cancel_ends_the_order_with_what_was_still_working(OrderStatus from, List<Object> given,
                                                             String cancelled) {
        fixture.given(given)
                .when(new CancelOrderCommand(ID, "CLIENT_REQUEST", "changed my mind"))
                .expectEvents(new OrderCancelledEvent(ID, ACCOUNT, "CLIENT_REQUEST", "changed my mind",
                        dec(cancelled), NOW))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void a_cancel_of_a_cancelled_order_is_ignored() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted(), cancelled("10"))
                .when(new CancelOrderCommand(ID, "CLIENT_REQUEST", "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- amend -------------------------------------------------------------------------------------

    @Test
    void an_amend_records_the_new_terms_in_full() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(new AmendOrderCommand(ID, dec("20"), null, null))
                .expectEvents(new OrderAmendedEvent(ID, ACCOUNT, dec("20"), dec("187.25"), null, NOW))
                .expectState(order -> {
                    assertThat(order.terms().quantity()).isEqualTo(dec("20"));
                    assertThat(order.terms().limitPrice()).isEqualTo(dec("187.25"));
                    assertThat(order.leavesQuantity()).isEqualTo(dec("20"));
                    assertThat(order.status()).isEqualTo(OrderStatus.WORKING);
                });
    }

    @Test
    void a_partially_filled_stop_limit_order_can_move_both_prices_and_keeps_its_fills() {
        OrderTerms terms = new OrderTerms("AAPL", Side.SELL, OrderType.STOP_LIMIT, dec("10"), dec("180"),
                dec("181"), TimeInForce.GTC, null);
        fixture.given(placed(terms), accepted(), filled("f-1", "180", "4", "4", "180", "6"))
                .when(new AmendOrderCommand(ID, null, dec("175"), dec("176")))
                .expectEvents(new OrderAmendedEvent(ID, ACCOUNT, dec("10"), dec("175"), dec("176"), NOW))
                .expectState(order -> {
                    assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(order.leavesQuantity()).isEqualTo(dec("6"));
                });
    }

    @ParameterizedTest(name = "{0} filled={1} qty={2} limit={3} stop={4} -> {5}: {6}")
    @CsvSource(nullValues = "null", value = {
            "LIMIT, 0, 0, null, null, ORDER_INVALID_QUANTITY, quantity must be greater than 0",
            "LIMIT, 4, -5, null, null, ORDER_INVALID_QUANTITY, quantity must be greater than 0",
            "LIMIT, 4, 4, null, null, ORDER_INVALID_QUANTITY, quantity must be greater than the filled quantity 4",
            "LIMIT, 4, 3, null, null, ORDER_INVALID_QUANTITY, quantity must be greater than the filled quantity 4",
            "MARKET, 0, null, 10, null, ORDER_INVALID_PRICE, MARKET orders take no limitPrice",
            "STOP, 0, null, 10, null, ORDER_INVALID_PRICE, STOP orders take no limitPrice",
            "LIMIT, 0, null, null, 10, ORDER_INVALID_PRICE, LIMIT orders take no stopPrice",
            "MARKET, 0, null, null, 10, ORDER_INVALID_PRICE, MARKET orders take no stopPrice",
            "LIMIT, 0, null, 0, null, ORDER_INVALID_PRICE, prices must be greater than 0",
            "STOP_LIMIT, 0, null, null, -1, ORDER_INVALID_PRICE, prices must be greater than 0"
    })
    void an_amend_that_breaks_a_rule_is_refused(OrderType type, String filled, String quantity, String limitPrice,
                                                String stopPrice, OrderErrorCode code, String message) {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, type, dec("10"),
                type.needsLimitPrice() ? dec("100") : null, type.needsStopPrice() ? dec("99") : null,
                TimeInForce.GTC, null);
        List<Object> given = new ArrayList<>(List.of(placed(terms), accepted()));
        if (!"0".equals(filled)) {
            given.add(filled("f-1", "100", filled, filled, "100", dec("10").subtract(dec(filled)).toPlainString()));
        }
        fixture.given(given)
                .when(new AmendOrderCommand(ID, quantity == null ? null : dec(quantity),
                        limitPrice == null ? null : dec(limitPrice), stopPrice == null ? null : dec(stopPrice)))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(code, message));
    }

    @Test
    void a_pending_order_cannot_be_amended() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)))
                .when(new AmendOrderCommand(ID, dec("20"), null, null))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_NOT_WORKING, "order is PENDING"));
    }

    @Test
    void an_amend_that_changes_nothing_stores_nothing() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)), accepted())
                .when(new AmendOrderCommand(ID, dec("10.0"), dec("187.25"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- expiry ------------------------------------------------------------------------------------

    static Stream<Arguments> expiringOrders() {
        OrderTerms day = limit(OrderType.LIMIT, "10", TimeInForce.DAY);
        OrderTerms gtd = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, dec("10"), dec("187.25"), null,
                TimeInForce.GTD, NOW.plusSeconds(3600));
        return Stream.of(
                Arguments.of("working DAY", List.of(placed(day), accepted()), "10"),
                Arguments.of("working GTD", List.of(placed(gtd), accepted()), "10"),
                Arguments.of("partially filled DAY",
                        List.of(placed(day), accepted(), filled("f-1", "187", "3", "3", "187", "7")), "7"));
    }

    @ParameterizedTest(name = "{0} expires {2}")
    @MethodSource("expiringOrders")
    void a_day_or_good_till_date_order_still_working_expires_with_its_leaves(String name, List<Object> given,
                                                                             String expired) {
        fixture.given(given)
                .when(new ExpireOrderCommand(ID))
                .expectEvents(new OrderExpiredEvent(ID, ACCOUNT, dec(expired), NOW))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED));
    }

    @ParameterizedTest
    @EnumSource(value = TimeInForce.class, names = {"GTC", "IOC", "FOK"})
    void orders_without_an_end_of_life_do_not_expire(TimeInForce timeInForce) {
        fixture.given(placed(limit(OrderType.LIMIT, "10", timeInForce)), accepted())
                .when(new ExpireOrderCommand(ID))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_NOT_EXPIRABLE,
                        timeInForce + " orders do not expire"));
    }

    @Test
    void a_pending_order_does_not_expire() {
        fixture.given(placed(limit(OrderType.LIMIT, "10", TimeInForce.DAY)))
                .when(new ExpireOrderCommand(ID))
                .expectNoEvents()
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_NOT_WORKING, "order is PENDING"));
    }

    // --- terminal orders ---------------------------------------------------------------------------

    static Stream<Arguments> commandsOnTerminalOrders() {
        OrderTerms day = limit(OrderType.LIMIT, "4", TimeInForce.DAY);
        var terminal = List.of(
                Arguments.of(OrderStatus.FILLED, List.of(placed(day), accepted(),
                        filled("f-1", "100", "4", "4", "100", "0"))),
                Arguments.of(OrderStatus.REJECTED, List.of(placed(day),
                        new OrderRejectedEvent(ID, ACCOUNT, "RISK_TRADING_HALTED", "halted", EARLIER))),
                Arguments.of(OrderStatus.CANCELLED, List.of(placed(day), accepted(), cancelled("4"))),
                Arguments.of(OrderStatus.EXPIRED, List.of(placed(day), accepted(),
                        new OrderExpiredEvent(ID, ACCOUNT, dec("4"), EARLIER))));
        List<Object> commands = List.of(
                new AcceptOrderCommand(ID),
                new RejectOrderCommand(ID, "RISK_MAX_POSITION", "too big"),
                new RecordFillCommand(ID, "f-new", dec("100"), dec("1"), BigDecimal.ZERO, EARLIER),
                new CancelOrderCommand(ID, "CLIENT_REQUEST", "stop"),
                new AmendOrderCommand(ID, dec("8"), null, null),
                new ExpireOrderCommand(ID));
        return terminal.stream().flatMap(order -> commands.stream()
                .filter(command -> !(order.get()[0] == OrderStatus.CANCELLED && command instanceof CancelOrderCommand))
                .map(command -> Arguments.of(order.get()[0], order.get()[1], command)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("commandsOnTerminalOrders")
    void a_terminal_order_refuses_every_further_command_naming_its_status(OrderStatus status, List<Object> given,
                                                                         Object command) {
        fixture.given(given)
                .when(command)
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(OrderErrorCode.ORDER_NOT_WORKING, "order is " + status));
    }

    // --- fixtures ----------------------------------------------------------------------------------

    private static OrderTerms limit(OrderType type, String quantity, TimeInForce timeInForce) {
        return new OrderTerms("AAPL", Side.BUY, type, dec(quantity), dec("187.25"), null, timeInForce, null);
    }

    private static OrderPlacedEvent placed(OrderTerms terms) {
        return new OrderPlacedEvent(ID, ACCOUNT, "c-life", terms, EARLIER);
    }

    private static OrderAcceptedEvent accepted() {
        return new OrderAcceptedEvent(ID, ACCOUNT, "AAPL", null, EARLIER);
    }

    private static OrderCancelledEvent cancelled(String quantity) {
        return new OrderCancelledEvent(ID, ACCOUNT, "CLIENT_REQUEST", "by the client", dec(quantity), EARLIER);
    }

    /** A buy fill with its cumulative outcome, as a given event (the aggregate only assigns it). */
    private static OrderFilledEvent filled(String fillId, String price, String quantity, String cumulative,
                                           String average, String leaves) {
        return new OrderFilledEvent(ID, ACCOUNT, "AAPL", Side.BUY, fillId, dec(price), dec(quantity), BigDecimal.ZERO,
                dec(cumulative), dec(average), dec(leaves), dec(leaves).signum() == 0, EARLIER);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
