package org.mltrading.command.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.TimeInForce;

class OrderAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");

    private AggregateTestFixture<OrderAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrderAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
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
    @CsvSource(nullValues = "null", value = {
            "BUY, MARKET, 0, null, null, DAY, ORDER_INVALID_QUANTITY",
            "SELL, MARKET, -1, null, null, GTC, ORDER_INVALID_QUANTITY",
            "BUY, LIMIT, 5, null, null, DAY, ORDER_LIMIT_PRICE_REQUIRED",
            "BUY, STOP, 5, null, null, DAY, ORDER_STOP_PRICE_REQUIRED",
            "BUY, STOP_LIMIT, 5, 10, null, DAY, ORDER_STOP_PRICE_REQUIRED",
            "BUY, LIMIT, 5, 0, null, DAY, ORDER_INVALID_PRICE",
            "BUY, LIMIT, 5, 10, null, GTD, ORDER_EXPIRE_AT_REQUIRED"
    })
    void place_order_is_refused_without_an_event_when_the_terms_break_a_rule(
            Side side, OrderType type, String quantity, String limit, String stop, TimeInForce tif,
            OrderErrorCode expected) {
        OrderTerms terms = new OrderTerms("AAPL", side, type, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), tif, null);

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(OrderId.forClientOrder(ACCOUNT, "c-2"), ACCOUNT, "c-2", terms))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OrderRejection(expected, rejectionMessage(terms)));
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

    private static String rejectionMessage(OrderTerms terms) {
        for (OrderPolicies.OrderPolicy rule : OrderPolicies.INPUT_RULES) {
            var rejection = rule.check(terms, NOW);
            if (rejection.isPresent()) {
                return rejection.get().message();
            }
        }
        throw new AssertionError("no rule refused " + terms);
    }
}
