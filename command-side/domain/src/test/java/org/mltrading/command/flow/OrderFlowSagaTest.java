package org.mltrading.command.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.account.ApplyFillCommand;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.ReleaseExposureCommand;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.api.order.AcceptOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.RejectOrderCommand;
import org.mltrading.api.order.TimeInForce;

class OrderFlowSagaTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "c-1");
    private static final String ID = ORDER.toString();

    private final QuotesOnly marketData = new QuotesOnly();
    private SagaTestFixture<OrderFlowSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFlowSaga.class);
        fixture.registerResource(marketData);
        fixture.registerResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---- placed -> pre-trade risk check ----

    @ParameterizedTest(name = "{0} {1} limit={2} stop={3} -> reference {4}")
    @CsvSource(nullValues = "null", value = {
            "BUY, LIMIT, 187.25, null, 187.25",
            "SELL, STOP_LIMIT, 180, 181, 180",
            "SELL, STOP, null, 181, 181",
            "BUY, MARKET, null, null, 100.02",
            "SELL, MARKET, null, null, 100.01"
    })
    void order_placed_asks_the_account_for_a_risk_check_at_the_reference_price(
            Side side, OrderType type, String limit, String stop, String reference) {
        marketData.quotes.put("AAPL", new Quote("AAPL", new BigDecimal("100.01"), new BigDecimal("100.02"),
                null, NOW));
        OrderTerms terms = terms(side, type, limit, stop);

        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(new OrderPlacedEvent(ORDER, ACCOUNT, "c-1", terms, NOW))
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ID)
                .expectDispatchedCommands(new CheckPreTradeRiskCommand(ACCOUNT, ORDER, "AAPL", side,
                        new BigDecimal("10"), new BigDecimal(reference), NOW));
    }

    @Test
    void market_order_without_a_quote_is_checked_without_a_reference_price() {
        OrderTerms terms = terms(Side.BUY, OrderType.MARKET, null, null);

        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(new OrderPlacedEvent(ORDER, ACCOUNT, "c-1", terms, NOW))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CheckPreTradeRiskCommand(ACCOUNT, ORDER, "AAPL", Side.BUY,
                        new BigDecimal("10"), null, NOW));
    }

    // ---- risk answer -> accept / reject ----

    @Test
    void risk_approval_accepts_the_order() {
        fixture.givenAggregate(ID).published(placed())
                .whenPublishingA(new PreTradeRiskApprovedEvent(ACCOUNT, ORDER, "AAPL", Side.BUY, BigDecimal.TEN,
                        new BigDecimal("1872.5"), NOW))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AcceptOrderCommand(ORDER));
    }

    @Test
    void risk_rejection_rejects_the_order_with_the_risk_code_and_reason() {
        fixture.givenAggregate(ID).published(placed())
                .whenPublishingA(new PreTradeRiskRejectedEvent(ACCOUNT, ORDER, RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                        "notional 2,000,000 exceeds 1,000,000", NOW))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RejectOrderCommand(ORDER, "RISK_MAX_ORDER_NOTIONAL",
                        "notional 2,000,000 exceeds 1,000,000"));
    }

    @Test
    void risk_events_of_other_orders_are_ignored() {
        OrderId other = OrderId.forClientOrder(ACCOUNT, "c-2");

        fixture.givenAggregate(ID).published(placed())
                .whenPublishingA(new PreTradeRiskApprovedEvent(ACCOUNT, other, "AAPL", Side.BUY, BigDecimal.TEN,
                        BigDecimal.TEN, NOW))
                .expectNoDispatchedCommands();
    }

    // ---- fills ----

    @Test
    void a_partial_fill_is_applied_to_the_account_and_the_saga_goes_on() {
        fixture.givenAggregate(ID).published(placed(), accepted())
                .whenAggregate(ID).publishes(filled("4", "4", "6", false))
                .expectActiveSagas(1)
                .expectDispatchedCommands(applyFill("4"));
    }

    @Test
    void the_complete_fill_is_applied_before_the_exposure_is_released_and_the_saga_ends() {
        fixture.givenAggregate(ID).published(placed(), accepted(), filled("4", "4", "6", false))
                .whenAggregate(ID).publishes(filled("6", "10", "0", true))
                .expectActiveSagas(0)
                .expectDispatchedCommands(applyFill("6"), new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void the_exposure_is_released_even_when_applying_the_last_fill_failed() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ApplyFillCommand) {
                throw new IllegalStateException("account unavailable");
            }
            return null;
        });

        fixture.givenAggregate(ID).published(placed(), accepted())
                .whenAggregate(ID).publishes(filled("10", "10", "0", true))
                .expectActiveSagas(0)
                .expectDispatchedCommands(applyFill("10"), new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    // ---- terminal events ----

    @Test
    void cancellation_releases_the_exposure_and_ends_the_saga() {
        fixture.givenAggregate(ID).published(placed())
                .andThenAPublished(riskApproved())
                .andThenAggregate(ID).published(accepted(), filled("4", "4", "6", false))
                .whenAggregate(ID).publishes(new OrderCancelledEvent(ORDER, ACCOUNT, "IOC_REMAINDER", "rest",
                        new BigDecimal("6"), NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void rejection_releases_the_exposure_and_ends_the_saga() {
        fixture.givenAggregate(ID).published(placed())
                .andThenAPublished(riskRejected())
                .whenAggregate(ID).publishes(new OrderRejectedEvent(ORDER, ACCOUNT, "RISK_MAX_POSITION", "too big",
                        NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void expiry_releases_the_exposure_and_ends_the_saga() {
        fixture.givenAggregate(ID).published(placed())
                .andThenAPublished(riskApproved())
                .andThenAggregate(ID).published(accepted())
                .whenAggregate(ID).publishes(new OrderExpiredEvent(ORDER, ACCOUNT, BigDecimal.TEN, NOW))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    // ---- the order ends before the risk answer (cancel while PENDING) ----

    @Test
    void a_cancel_before_the_risk_answer_keeps_the_saga_waiting_for_it() {
        fixture.givenAggregate(ID).published(placed())
                .whenAggregate(ID).publishes(cancelledWhilePending())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void an_approval_after_the_cancel_releases_its_reservation_ends_the_saga_and_does_not_accept() {
        fixture.givenAggregate(ID).published(placed(), cancelledWhilePending())
                .whenPublishingA(riskApproved())
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void a_rejection_after_the_cancel_ends_the_saga_without_rejecting_the_cancelled_order() {
        fixture.givenAggregate(ID).published(placed(), cancelledWhilePending())
                .whenPublishingA(riskRejected())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void an_approval_before_the_cancel_accepts_and_the_cancel_then_releases_and_ends_the_saga() {
        fixture.givenAggregate(ID).published(placed())
                .andThenAPublished(riskApproved())
                .whenAggregate(ID).publishes(cancelledWhilePending())
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseExposureCommand(ACCOUNT, ORDER));
    }

    @Test
    void the_approval_of_a_pending_order_still_accepts_it() {
        fixture.givenAggregate(ID).published(placed())
                .whenPublishingA(riskApproved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AcceptOrderCommand(ORDER));
    }

    @Test
    void a_failed_command_is_logged_and_does_not_break_the_saga() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new IllegalStateException("account unavailable");
        });

        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(placed())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CheckPreTradeRiskCommand(ACCOUNT, ORDER, "AAPL", Side.BUY,
                        BigDecimal.TEN, new BigDecimal("187.25"), NOW));
    }

    @Test
    void the_saga_state_survives_jackson_serialisation_without_its_resources() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        OrderFlowSaga saga = new OrderFlowSaga();
        java.lang.reflect.Field orderId = OrderFlowSaga.class.getDeclaredField("orderId");
        java.lang.reflect.Field accountId = OrderFlowSaga.class.getDeclaredField("accountId");
        orderId.setAccessible(true);
        accountId.setAccessible(true);
        orderId.set(saga, ORDER);
        accountId.set(saga, ACCOUNT);

        String json = mapper.writeValueAsString(saga);
        OrderFlowSaga restored = mapper.readValue(json, OrderFlowSaga.class);

        assertThat(json).doesNotContain("commandGateway", "marketData", "clock");
        assertThat(restored.orderId()).isEqualTo(ORDER);
        assertThat(restored.accountId()).isEqualTo(ACCOUNT);
    }

    @Test
    void a_saga_stored_before_it_tracked_the_risk_answer_still_ends_on_a_terminal_event() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        OrderFlowSaga legacy = mapper.readValue("{\"orderId\":\"" + ID + "\",\"accountId\":\"demo-account\"}",
                OrderFlowSaga.class);

        java.lang.reflect.Field awaitingRisk = OrderFlowSaga.class.getDeclaredField("awaitingRisk");
        awaitingRisk.setAccessible(true);
        assertThat(awaitingRisk.getBoolean(legacy)).isFalse();
    }

    // ---- helpers ----

    private static OrderTerms terms(Side side, OrderType type, String limit, String stop) {
        return new OrderTerms("AAPL", side, type, BigDecimal.TEN, limit == null ? null : new BigDecimal(limit),
                stop == null ? null : new BigDecimal(stop), TimeInForce.DAY, null);
    }

    private static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER, ACCOUNT, "c-1", terms(Side.BUY, OrderType.LIMIT, "187.25", null), NOW);
    }

    private static PreTradeRiskApprovedEvent riskApproved() {
        return new PreTradeRiskApprovedEvent(ACCOUNT, ORDER, "AAPL", Side.BUY, BigDecimal.TEN, new BigDecimal("1872.5"),
                NOW);
    }

    private static PreTradeRiskRejectedEvent riskRejected() {
        return new PreTradeRiskRejectedEvent(ACCOUNT, ORDER, RiskErrorCode.RISK_MAX_POSITION, "too big", NOW);
    }

    /** The client cancelled the order while it was still PENDING: nothing was filled. */
    private static OrderCancelledEvent cancelledWhilePending() {
        return new OrderCancelledEvent(ORDER, ACCOUNT, "CLIENT_REQUEST", "cancelled by trader", BigDecimal.TEN, NOW);
    }

    private static OrderAcceptedEvent accepted() {
        return new OrderAcceptedEvent(ORDER, ACCOUNT, "AAPL", terms(Side.BUY, OrderType.LIMIT, "187.25", null), NOW);
    }

    private static OrderFilledEvent filled(String quantity, String filled, String leaves, boolean complete) {
        return new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, fillId(quantity), new BigDecimal("187.25"),
                new BigDecimal(quantity), new BigDecimal("0.01"), new BigDecimal(filled), new BigDecimal("187.25"),
                new BigDecimal(leaves), complete, NOW);
    }

    private static ApplyFillCommand applyFill(String quantity) {
        return new ApplyFillCommand(ACCOUNT, ORDER, fillId(quantity), "AAPL", Side.BUY, new BigDecimal("187.25"),
                new BigDecimal(quantity), new BigDecimal("0.01"), NOW);
    }

    private static String fillId(String quantity) {
        return ID + "-q" + quantity;
    }

    /** Only quotes matter to the saga. */
    static final class QuotesOnly implements MarketDataPort {
        final Map<String, Quote> quotes = new ConcurrentHashMap<>();

        @Override
        public Optional<Quote> latestQuote(String symbol) {
            return Optional.ofNullable(quotes.get(symbol));
        }

        @Override
        public AutoCloseable subscribeQuotes(Set<String> symbols, Consumer<Quote> listener) {
            return () -> { };
        }

        @Override
        public AutoCloseable subscribeTrades(Set<String> symbols, Consumer<Trade> listener) {
            return () -> { };
        }
    }
}
