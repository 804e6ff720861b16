package org.mltrading.command.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderDecision;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.command.account.AccountAggregate;
import org.mltrading.command.audit.AuditCorrelationDataProvider;
import org.mltrading.command.order.OrderAggregate;

/**
 * Order entry over both aggregates on a real Axon configuration (command bus, units of work,
 * event-sourcing repositories, an in-memory event store): what is stored together, and what is not
 * stored at all.
 */
class OrderEntryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final AccountId ACCOUNT = new AccountId("acc-1");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Quotes quotes = new Quotes();
    private final FlakyStorage storage = new FlakyStorage();
    private Configuration axon;
    private OrderEntryWriter writer;
    private CommandGateway gateway;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration(false) // no Axon Server connector module
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(Clock.class, c -> clock)
                .configureCorrelationDataProviders(c -> List.of(new AuditCorrelationDataProvider()))
                .configureAggregate(OrderAggregate.class)
                .configureAggregate(AccountAggregate.class)
                .configureAggregate(org.mltrading.command.firm.FirmAggregate.class)
                .registerCommandHandler(c -> new OrderEntry(c.repository(OrderAggregate.class),
                        c.repository(AccountAggregate.class), c.eventStore(), quotes, clock,
                        writer = new OrderEntryWriter(NoTransactionManager.INSTANCE, c::correlationDataProviders,
                                64, 1024, java.time.Duration.ofSeconds(10)),
                        c.repository(org.mltrading.command.firm.FirmAggregate.class)))
                .buildConfiguration();
        axon.start();
        gateway = axon.commandGateway();
        gateway.sendAndWait(new CreateAccountCommand(ACCOUNT, "Test", "trader", "USD", new BigDecimal("1000000"),
                Set.of(), new RiskLimits(new BigDecimal("50000"), new BigDecimal("1000"), new BigDecimal("200000"),
                        new BigDecimal("10000"), Set.of("GME"), 10_000)));
        quotes.latest.put("AAPL", new Quote("AAPL", new BigDecimal("100.00"), new BigDecimal("100.02"), null, NOW));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        writer.close();
    }

    @Test
    void an_order_within_the_limits_is_stored_with_its_approval_and_answered_working() {
        OrderDecision decision = place("c-1", limitBuy("10", "100.00"));

        assertThat(decision.status()).isEqualTo(OrderStatus.WORKING);
        assertThat(payloadTypes(decision.orderId().toString()))
                .containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class);
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskApprovedEvent.class);
        answersTheEventsAsStored(decision);
    }

    /** The answer lets placeOrder show the order without a read model: it must be what was stored. */
    private void answersTheEventsAsStored(OrderDecision decision) {
        List<DomainEventMessage<?>> stored = events(decision.orderId().toString());
        assertThat(decision.placed()).isEqualTo(stored.get(0).getPayload());
        assertThat(decision.decisionEvent()).isEqualTo(stored.get(1).getPayload());
    }

    @Test
    void the_decision_is_stored_a_millisecond_after_the_placement_so_the_order_as_of_its_placement_is_pending() {
        for (int i = 0; i < 20; i++) {
            OrderDecision decision = place("c-ms-" + i, limitBuy("1", "100.00"));
            List<DomainEventMessage<?>> stored = events(decision.orderId().toString());
            // the store keeps millisecond timestamps: the placement's millisecond holds the placement only
            assertThat(stored.get(1).getTimestamp().toEpochMilli())
                    .isGreaterThan(stored.get(0).getTimestamp().toEpochMilli());
        }
    }

    @Test
    void a_breach_is_stored_as_a_rejection_with_its_code_and_answered_rejected() {
        OrderDecision decision = place("c-big", limitBuy("600", "100.00")); // 60,000 > 50,000 notional

        assertThat(decision.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(decision.rejectCode()).isEqualTo(RiskErrorCode.RISK_MAX_ORDER_NOTIONAL.name());
        assertThat(decision.reason()).contains("50000");
        assertThat(payloadTypes(decision.orderId().toString()))
                .containsExactly(OrderPlacedEvent.class, OrderRejectedEvent.class);
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskRejectedEvent.class);
        answersTheEventsAsStored(decision);
    }

    @Test
    void every_event_of_the_unit_of_work_carries_the_commands_metadata() {
        OrderDecision decision = gateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage
                .asCommandMessage(command("c-meta", limitBuy("1", "100.00")))
                .andMetaData(Map.of(AuditMetadata.ACTOR, "trader", AuditMetadata.CORRELATION_ID, "req-7")));

        List<DomainEventMessage<?>> stored = new ArrayList<>(events(decision.orderId().toString()));
        stored.addAll(events(ACCOUNT.toString()).stream()
                .filter(e -> e.getPayload() instanceof PreTradeRiskApprovedEvent).toList());
        assertThat(stored).hasSize(3).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry(AuditMetadata.ACTOR, "trader");
            assertThat(event.getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "req-7");
        });
    }

    @Test
    void a_resend_of_the_same_client_order_id_stores_nothing_and_answers_the_decision() {
        OrderDecision first = place("c-again", limitBuy("10", "100.00"));
        OrderDecision again = place("c-again", limitBuy("10", "100.00"));

        assertThat(first.resend()).isFalse();
        assertThat(again).isEqualTo(OrderDecision.resent(first.orderId(), OrderStatus.WORKING, null, null));
        assertThat(payloadTypes(first.orderId().toString())).hasSize(2);
        assertThat(accountEventsAfterOpening()).hasSize(1);
    }

    @Test
    void bad_input_is_refused_with_its_code_and_nothing_is_stored() {
        assertThatThrownBy(() -> place("c-bad", limitBuy("0", "100.00")))
                .isInstanceOfSatisfying(CommandExecutionException.class, e ->
                        assertThat(e.getDetails()).get().isEqualTo(new OrderRejection(
                                OrderErrorCode.ORDER_INVALID_QUANTITY, "quantity must be greater than 0")));
        assertThat(events(OrderId.forClientOrder(ACCOUNT, "c-bad").toString())).isEmpty();
        assertThat(accountEventsAfterOpening()).isEmpty();
    }

    @Test
    void an_order_for_an_unknown_account_is_refused_and_nothing_is_stored() {
        AccountId unknown = new AccountId("nobody");
        OrderId id = OrderId.forClientOrder(unknown, "c-x");
        assertThatThrownBy(() -> gateway.sendAndWait(new PlaceOrderCommand(id, unknown, "c-x", limitBuy("1", "100"))))
                .isInstanceOfSatisfying(CommandExecutionException.class, e ->
                        assertThat(e.getDetails()).get().extracting(d -> ((OrderRejection) d).code())
                                .isEqualTo(OrderErrorCode.ORDER_UNKNOWN_ACCOUNT));
        assertThat(events(id.toString())).isEmpty();
    }

    @Test
    void a_fill_is_recorded_on_the_order_and_booked_on_the_account_in_one_commit_and_once() {
        OrderId order = place("c-fill", limitBuy("10", "100.00")).orderId();

        gateway.sendAndWait(new RecordFillCommand(order, "f-1", new BigDecimal("99.99"), new BigDecimal("4"),
                new BigDecimal("0.02"), NOW));
        gateway.sendAndWait(new RecordFillCommand(order, "f-1", new BigDecimal("99.99"), new BigDecimal("4"),
                new BigDecimal("0.02"), NOW)); // re-sent by the venue
        gateway.sendAndWait(new RecordFillCommand(order, "f-2", new BigDecimal("99.98"), new BigDecimal("6"),
                new BigDecimal("0.03"), NOW));

        assertThat(payloadTypes(order.toString())).containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class,
                OrderFilledEvent.class, OrderFilledEvent.class);
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskApprovedEvent.class,
                FillAppliedEvent.class, FillAppliedEvent.class, ExposureReleasedEvent.class);
        FillAppliedEvent last = (FillAppliedEvent) events(ACCOUNT.toString()).stream()
                .map(DomainEventMessage::getPayload).filter(FillAppliedEvent.class::isInstance)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.positionQuantity()).isEqualByComparingTo("10");
    }

    @Test
    void a_cancel_releases_the_reservation_in_the_same_commit_and_a_second_cancel_changes_nothing() {
        OrderId order = place("c-cancel", limitBuy("10", "100.00")).orderId();

        gateway.sendAndWait(new CancelOrderCommand(order, "CLIENT_REQUEST", "changed my mind"));
        gateway.sendAndWait(new CancelOrderCommand(order, "CLIENT_REQUEST", "changed my mind"));

        assertThat(payloadTypes(order.toString())).containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class,
                OrderCancelledEvent.class);
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskApprovedEvent.class,
                ExposureReleasedEvent.class);
    }

    @Test
    void many_clients_on_one_account_store_exactly_one_decision_per_order_without_deadlock() throws Exception {
        int clients = 8;
        int perClient = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<OrderDecision>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<OrderDecision> decisions = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    OrderDecision decision = place("k-" + client + "-" + i, limitBuy("1", "100.00"));
                    decisions.add(decision);
                    if (i % 5 == 0) { // fills and cancels race the placements on the same account
                        gateway.sendAndWait(new RecordFillCommand(decision.orderId(), "f", new BigDecimal("100"),
                                BigDecimal.ONE, BigDecimal.ZERO, NOW));
                    } else if (i % 5 == 1) {
                        gateway.sendAndWait(new CancelOrderCommand(decision.orderId(), "CLIENT_REQUEST", "x"));
                    }
                }
                return decisions;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("no deadlock").isTrue();
        int decided = 0;
        for (Future<List<OrderDecision>> result : results) {
            decided += result.get().size();
        }

        List<Class<?>> accountEvents = accountEventsAfterOpening();
        assertThat(decided).isEqualTo(clients * perClient);
        assertThat(accountEvents.stream().filter(PreTradeRiskApprovedEvent.class::equals).count())
                .isEqualTo(clients * perClient);
        assertThat(accountEvents.stream().filter(FillAppliedEvent.class::equals).count())
                .isEqualTo(clients * perClient / 5);
        // every filled order released its rest (the fill used it up: no event) or was cancelled
        assertThat(accountEvents.stream().filter(ExposureReleasedEvent.class::equals).count())
                .isEqualTo(clients * perClient / 5);
        List<Long> sequences = events(ACCOUNT.toString()).stream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).doesNotHaveDuplicates();
    }

    @Test
    void a_booking_that_fails_twice_then_succeeds_is_recorded_and_booked_once() throws Exception {
        OrderId order = place("c-flaky", limitBuy("10", "100.00")).orderId();
        storage.failNextAppendsOf(FillAppliedEvent.class, 2);

        try (FollowUpCommands followUps = new FollowUpCommands(gateway, java.time.Duration.ofMillis(5), 5)) {
            followUps.send(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                    new RecordFillCommand(order, "f-1", new BigDecimal("100"), new BigDecimal("10"), BigDecimal.ZERO,
                            NOW))).get(10, TimeUnit.SECONDS);
            assertThat(followUps.retries()).isEqualTo(2);
        }

        assertThat(storage.failed).isEqualTo(2);
        assertThat(payloadTypes(order.toString())).containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class,
                OrderFilledEvent.class);
        // filled at the reserved price: the fill uses the reservation up, nothing is left to release
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskApprovedEvent.class,
                FillAppliedEvent.class);
    }

    @Test
    void a_business_refusal_of_a_follow_up_is_not_retried() {
        OrderId order = place("c-refused", limitBuy("10", "100.00")).orderId();
        gateway.sendAndWait(new CancelOrderCommand(order, "CLIENT_REQUEST", "x"));

        try (FollowUpCommands followUps = new FollowUpCommands(gateway, java.time.Duration.ofMillis(5), 5)) {
            assertThatThrownBy(() -> followUps.send(org.axonframework.commandhandling.GenericCommandMessage
                    .asCommandMessage(new RecordFillCommand(order, "f-late", new BigDecimal("100"), BigDecimal.ONE,
                            BigDecimal.ZERO, NOW))).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CommandExecutionException.class);
            assertThat(followUps.retries()).isZero();
        }
        assertThat(payloadTypes(order.toString())).doesNotContain(OrderFilledEvent.class);
    }

    @Test
    void orders_waiting_together_share_one_commit_and_one_bad_order_fails_alone() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        // the writer is busy with this work while the three orders queue up behind it
        Future<?> blocker = holdTheWriter(callers, release);
        Future<OrderDecision> good1 = callers.submit(() -> place("g-1", limitBuy("1", "100.00")));
        Future<Object> bad = callers.submit(() -> place("g-bad", limitBuy("0", "100.00")));
        Future<OrderDecision> good2 = callers.submit(() -> place("g-2", limitBuy("2", "100.00")));
        while (writer.queued() < 3) {
            Thread.sleep(5);
        }
        long batchesBefore = writer.batches();
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(good1.get(10, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(good2.get(10, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.WORKING);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CommandExecutionException.class);
        callers.shutdown();
        assertThat(writer.batches()).isEqualTo(batchesBefore + 1); // the three came as one batch
        assertThat(writer.fallbacks()).isEqualTo(1); // which ran each alone after the bad one failed it
        assertThat(payloadTypes(OrderId.forClientOrder(ACCOUNT, "g-1").toString()))
                .containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class);
        assertThat(payloadTypes(OrderId.forClientOrder(ACCOUNT, "g-2").toString()))
                .containsExactly(OrderPlacedEvent.class, OrderAcceptedEvent.class);
        assertThat(events(OrderId.forClientOrder(ACCOUNT, "g-bad").toString())).isEmpty();
        assertThat(accountEventsAfterOpening()).containsExactly(PreTradeRiskApprovedEvent.class,
                PreTradeRiskApprovedEvent.class);
    }

    @Test
    void a_batch_stores_each_orders_events_with_its_own_callers_metadata() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        Future<?> blocker = holdTheWriter(callers, release);
        List<Future<OrderDecision>> placed = new ArrayList<>();
        for (String who : List.of("alice", "bob")) {
            placed.add(callers.submit(() -> gateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage
                    .asCommandMessage(command("m-" + who, limitBuy("1", "100.00")))
                    .andMetaData(Map.of(AuditMetadata.ACTOR, who)))));
        }
        while (writer.queued() < 2) {
            Thread.sleep(5);
        }
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<OrderDecision> decision : placed) {
            decision.get(10, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(writer.fallbacks()).isZero();
        for (String who : List.of("alice", "bob")) {
            assertThat(events(OrderId.forClientOrder(ACCOUNT, "m-" + who).toString()))
                    .hasSize(2).allSatisfy(e -> assertThat(e.getMetaData()).containsEntry(AuditMetadata.ACTOR, who));
        }
        assertThat(events(ACCOUNT.toString()).stream().filter(e -> e.getPayload() instanceof PreTradeRiskApprovedEvent)
                .map(e -> e.getMetaData().get(AuditMetadata.ACTOR))).containsExactlyInAnyOrder("alice", "bob");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Keeps the writer busy with a work of its own until {@code release}, so that callers queue up behind it. */
    private Future<?> holdTheWriter(ExecutorService callers, java.util.concurrent.CountDownLatch release)
            throws InterruptedException {
        Future<?> blocker = callers.submit(() -> writer.write(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage("hold"), () -> {
                    release.await();
                    return null;
                }));
        while (writer.queued() > 0 || writer.batches() == 0) {
            Thread.sleep(5);
        }
        return blocker;
    }

    @Test
    void a_firm_halt_refuses_every_new_order_until_resumed_and_leaves_the_account_as_it_was() {
        org.mltrading.api.firm.FirmTradingStatus halted = gateway.sendAndWait(new org.mltrading.api.firm.HaltFirmCommand("market turmoil"));
        assertThat(halted.halted()).isTrue();
        assertThat(halted.reason()).isEqualTo("market turmoil");
        OrderDecision refused = place("firm-1", limitBuy("1", "100.00"));
        assertThat(refused.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(refused.rejectCode()).isEqualTo("RISK_FIRM_HALTED");
        // halting again changes nothing; the firm's stream holds one halt
        gateway.sendAndWait(new org.mltrading.api.firm.HaltFirmCommand("again"));
        assertThat(payloadTypes("firm")).containsExactly(org.mltrading.api.firm.FirmTradingHaltedEvent.class);
        org.mltrading.api.firm.FirmTradingStatus resumed = gateway.sendAndWait(new org.mltrading.api.firm.ResumeFirmCommand("calm"));
        assertThat(resumed.halted()).isFalse();
        assertThat(place("firm-2", limitBuy("1", "100.00")).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(payloadTypes(ACCOUNT.toString())).doesNotContain(org.mltrading.api.account.TradingStateChangedEvent.class);
    }

    @Test
    void a_limit_outside_the_collar_is_refused_with_its_numbers_and_an_order_too_large_for_the_instrument_too() {
        quotes.latest.put("AAPL", new Quote("AAPL", new BigDecimal("100.00"), new BigDecimal("100.02"),
                new BigDecimal("100.01"), NOW));
        OrderDecision fatFinger = place("collar-1", limitBuy("1", "110.02"));
        assertThat(fatFinger.rejectCode()).isEqualTo("RISK_PRICE_COLLAR");
        assertThat(fatFinger.reason()).contains("110.02").contains("10 %").contains("last trade 100.01")
                .contains("highest 110.01");
        assertThat(place("collar-2", limitBuy("1", "110.01")).status()).isEqualTo(OrderStatus.WORKING);
        OrderDecision lowSell = place("collar-3", new OrderTerms("AAPL", Side.SELL, OrderType.LIMIT, BigDecimal.ONE,
                new BigDecimal("90.00"), null, TimeInForce.GTC, null));
        assertThat(lowSell.rejectCode()).isEqualTo("RISK_PRICE_COLLAR");
        quotes.controls = new org.mltrading.api.marketdata.InstrumentControls(new BigDecimal("0.05"), new BigDecimal("50"));
        assertThat(place("qty-1", limitBuy("51", "100.00")).rejectCode()).isEqualTo("RISK_MAX_ORDER_QUANTITY");
        assertThat(place("qty-2", limitBuy("1", "106.00")).rejectCode()).isEqualTo("RISK_PRICE_COLLAR");
        assertThat(place("qty-3", limitBuy("50", "100.00")).status()).isEqualTo(OrderStatus.WORKING);
    }

    @Test
    void a_preview_runs_the_firm_wide_checks_in_their_place() {
        gateway.sendAndWait(new org.mltrading.api.firm.HaltFirmCommand("drill"));
        org.mltrading.api.account.PreTradeCheckReport report = gateway.sendAndWait(
                new org.mltrading.api.account.PreviewPreTradeRiskCommand(ACCOUNT, OrderId.forClientOrder(ACCOUNT, "p-1"),
                        "AAPL", Side.BUY, BigDecimal.ONE, new BigDecimal("200.00"), new BigDecimal("200.00"), null));
        List<String> names = report.checks().stream().map(org.mltrading.api.account.RiskCheckResult::check).toList();
        assertThat(names).containsExactly("firmTradingIsNotHalted", "tradingIsNotHalted",
                "reduceOnlyOrdersShrinkThePosition", "symbolIsNotRestricted", "marketPriceIsKnown",
                "limitPriceWithinCollar", "orderQuantityWithinLimit", "orderNotionalWithinLimit", "positionWithinLimit",
                "grossExposureWithinLimit", "dailyLossNotReached", "orderRateWithinLimit");
        assertThat(report.approved()).isFalse();
        assertThat(report.checks().get(0).passed()).isFalse();
        assertThat(report.checks().get(5).passed()).as("200 is far above the mid 100.01").isFalse();
    }

    private OrderDecision place(String clientOrderId, OrderTerms terms) {
        return gateway.sendAndWait(command(clientOrderId, terms));
    }

    private static PlaceOrderCommand command(String clientOrderId, OrderTerms terms) {
        return new PlaceOrderCommand(OrderId.forClientOrder(ACCOUNT, clientOrderId), ACCOUNT, clientOrderId, terms);
    }

    private static OrderTerms limitBuy(String quantity, String price) {
        return new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, new BigDecimal(quantity), new BigDecimal(price),
                null, TimeInForce.GTC, null);
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private List<Class<?>> payloadTypes(String aggregateId) {
        return events(aggregateId).stream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    /** The account's events after its opening (created, limits set). */
    private List<Class<?>> accountEventsAfterOpening() {
        List<Class<?>> all = payloadTypes(ACCOUNT.toString());
        return all.subList(2, all.size());
    }

    /** The in-memory store, failing the next appends that contain a given event type (a store briefly away). */
    private static final class FlakyStorage extends InMemoryEventStorageEngine {
        private volatile Class<?> failing;
        private final java.util.concurrent.atomic.AtomicInteger toFail = new java.util.concurrent.atomic.AtomicInteger();
        volatile int failed;

        void failNextAppendsOf(Class<?> type, int times) {
            failing = type;
            toFail.set(times);
        }

        @Override
        public void appendEvents(List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
            if (failing != null && events.stream().anyMatch(e -> failing.isInstance(e.getPayload()))
                    && toFail.getAndDecrement() > 0) {
                failed++;
                throw new org.axonframework.common.AxonTransientException("store unavailable (injected)") {
                };
            }
            super.appendEvents(events);
        }
    }

    private static final class Quotes implements MarketDataPort {
        final Map<String, Quote> latest = new ConcurrentHashMap<>();
        volatile org.mltrading.api.marketdata.InstrumentControls controls = org.mltrading.api.marketdata.InstrumentControls.DEFAULT;

        @Override
        public org.mltrading.api.marketdata.InstrumentControls controls(String symbol) {
            return controls;
        }

        @Override
        public Optional<Quote> latestQuote(String symbol) {
            return Optional.ofNullable(latest.get(symbol));
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
