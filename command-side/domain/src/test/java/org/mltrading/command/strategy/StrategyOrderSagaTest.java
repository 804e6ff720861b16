package org.mltrading.command.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.strategy.RecordStrategyFillCommand;
import org.mltrading.api.strategy.RecordStrategyOrderEndedCommand;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.StrategyOrderDecidedEvent;

class StrategyOrderSagaTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final StrategyId STRATEGY = new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final String CLIENT_ORDER_ID = StrategyRules.clientOrderId(STRATEGY, "p-1");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, CLIENT_ORDER_ID);
    private static final OrderTerms TERMS = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, new BigDecimal("5"),
            null, null, TimeInForce.IOC, null);
    private static final OrderProvenance PROVENANCE = new OrderProvenance(STRATEGY, "momentum", 1, "p-1",
            NOW.minusSeconds(1), NOW.minusSeconds(61), 0.0012, -0.0008, 0.0032, Map.of("mom_20_vs", 1.25));
    private static final StrategyOrderDecidedEvent DECIDED = new StrategyOrderDecidedEvent(STRATEGY, ACCOUNT, ORDER,
            CLIENT_ORDER_ID, TERMS, new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO, PROVENANCE, NOW);

    private SagaTestFixture<StrategyOrderSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(StrategyOrderSaga.class);
    }

    @Test
    void a_decided_order_is_placed_with_the_ordinary_place_order_command_and_its_provenance() {
        fixture.givenNoPriorActivity()
                .whenAggregate(STRATEGY.toString()).publishes(DECIDED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.toString())
                .expectDispatchedCommands(new PlaceOrderCommand(ORDER, ACCOUNT, CLIENT_ORDER_ID, TERMS, PROVENANCE));
    }

    @Test
    void each_fill_is_reported_to_the_strategy_and_the_completing_fill_ends_the_saga() {
        fixture.givenAggregate(STRATEGY.toString()).published(DECIDED)
                .whenAggregate(ORDER.toString()).publishes(new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY,
                        ORDER + "-1", new BigDecimal("230.01"), new BigDecimal("5"), new BigDecimal("0.06"),
                        new BigDecimal("5"), new BigDecimal("230.01"), BigDecimal.ZERO, true, NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordStrategyFillCommand(STRATEGY, ORDER, ORDER + "-1", Side.BUY,
                        new BigDecimal("5")));
    }

    @Test
    void a_risk_rejection_frees_the_whole_quantity_and_ends_the_saga() {
        fixture.givenAggregate(STRATEGY.toString()).published(DECIDED)
                .whenAggregate(ORDER.toString()).publishes(new OrderRejectedEvent(ORDER, ACCOUNT, "RISK_MAX_POSITION",
                        "position would exceed 3", NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordStrategyOrderEndedCommand(STRATEGY, ORDER, new BigDecimal("5"),
                        "REJECTED RISK_MAX_POSITION"));
    }

    @Test
    void a_cancelled_remainder_after_a_partial_fill_frees_only_the_remainder() {
        fixture.givenAggregate(STRATEGY.toString()).published(DECIDED)
                .andThenAggregate(ORDER.toString()).published(new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY,
                        ORDER + "-1", new BigDecimal("230.01"), new BigDecimal("2"), new BigDecimal("0.02"),
                        new BigDecimal("2"), new BigDecimal("230.01"), new BigDecimal("3"), false, NOW))
                .whenPublishingA(new OrderCancelledEvent(ORDER, ACCOUNT, "IOC_REMAINDER", "IOC remainder", new BigDecimal("3"), NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordStrategyOrderEndedCommand(STRATEGY, ORDER, new BigDecimal("3"),
                        "CANCELLED IOC_REMAINDER"));
    }
}
