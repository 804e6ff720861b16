package org.mltrading.command.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.mltrading.api.account.ApplyFillCommand;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.OrderControls;
import org.mltrading.api.account.PreTradeCheckReport;
import org.mltrading.api.account.PreviewPreTradeRiskCommand;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.firm.FindFirmTradingStatusQuery;
import org.mltrading.api.firm.FirmTradingHaltedEvent;
import org.mltrading.api.firm.FirmTradingResumedEvent;
import org.mltrading.api.firm.FirmTradingStatus;
import org.mltrading.api.firm.HaltFirmCommand;
import org.mltrading.api.firm.ResumeFirmCommand;
import org.mltrading.command.firm.FirmAggregate;
import org.mltrading.api.account.ReleaseExposureCommand;
import org.mltrading.api.account.RiskRejection;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.order.AcceptOrderCommand;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.OrderDecision;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.RejectOrderCommand;
import org.mltrading.command.account.AccountAggregate;
import org.mltrading.command.order.OrderAggregate;

/**
 * Order entry: every command that changes an order and its account together runs as one unit of work
 * over both aggregates, so their events are appended in one transaction (ADR 0019). The pre-trade
 * decision is made here, in the command path — no saga round trip, no PENDING order left behind:
 * {@code OrderPlaced}, the account's verdict and {@code OrderAccepted}/{@code OrderRejected} are stored
 * together or not at all. A fill is recorded on the order and booked on the account at once, and the
 * reservation of an order that ends is released in the same commit, so no fill or release can be lost
 * between the two aggregates.
 *
 * <p>The work runs on the {@link OrderEntryWriter}'s thread, batched with other callers' work into
 * one commit (group commit); the command handler answers once that commit is durable. Should the
 * work ever run on several threads (a writer per account partition), every handler takes the order
 * first and the account second, so two can never wait for each other's locks in a cycle.
 * The order and the account keep their own event streams: {@code auditTrail(orderId)} still answers
 * exactly the order's events, and every event carries the command's who/why metadata.
 */
public class OrderEntry {

    private final Repository<OrderAggregate> orders;
    private final Repository<AccountAggregate> accounts;
    private final EventStore eventStore;
    private final MarketDataPort marketData;
    private final Clock clock;
    private final OrderEntryWriter writer;
    private final Repository<FirmAggregate> firms;
    private final FirmSwitch firmSwitch;

    public OrderEntry(Repository<OrderAggregate> orders, Repository<AccountAggregate> accounts, EventStore eventStore,
                      MarketDataPort marketData, Clock clock, OrderEntryWriter writer, Repository<FirmAggregate> firms) {
        this.orders = orders;
        this.accounts = accounts;
        this.eventStore = eventStore;
        this.marketData = marketData;
        this.clock = clock;
        this.writer = writer;
        this.firms = firms;
        this.firmSwitch = new FirmSwitch(eventStore);
    }

    @CommandHandler
    public FirmTradingStatus handle(HaltFirmCommand command) throws Exception {
        return writer.write(CurrentUnitOfWork.get().getMessage(), () -> changeFirm(true, command.reason()));
    }

    @CommandHandler
    public FirmTradingStatus handle(ResumeFirmCommand command) throws Exception {
        return writer.write(CurrentUnitOfWork.get().getMessage(), () -> changeFirm(false, command.reason()));
    }

    /** The firm's state now, as order entry decides orders with it (why and since when from its last event). */
    @QueryHandler
    public FirmTradingStatus handle(FindFirmTradingStatusQuery query) {
        boolean halted = firmSwitch.halted();
        String reason = null;
        Instant changedAt = null;
        var events = eventStore.readEvents(FirmTradingStatus.FIRM_ID);
        while (events.hasNext()) {
            Object event = events.next().getPayload();
            if (event instanceof FirmTradingHaltedEvent haltedEvent) {
                reason = haltedEvent.reason();
                changedAt = haltedEvent.haltedAt();
            } else if (event instanceof FirmTradingResumedEvent resumed) {
                reason = resumed.reason();
                changedAt = resumed.resumedAt();
            }
        }
        return new FirmTradingStatus(halted, reason, changedAt);
    }

    /**
     * The pre-trade check as a dry run, with the same firm-wide controls a placement would get; the
     * account stores nothing. Not on the writer: a preview applies nothing and needs no commit.
     */
    @CommandHandler
    public PreTradeCheckReport handle(PreviewPreTradeRiskCommand command) {
        OrderControls controls = OrderControls.of(command.symbol(), command.limitPrice(), marketData, firmSwitch.halted());
        return account(command.accountId()).invoke(a -> a.preview(command.withControls(controls), clock.instant()));
    }

    /** Halts or resumes the firm on the writer, so the very next order decided sees it. */
    private FirmTradingStatus changeFirm(boolean halt, String reason) throws Exception {
        boolean before = firmSwitch.halted();
        Instant now = clock.instant();
        FirmTradingStatus status;
        if (eventStore.lastSequenceNumberFor(FirmTradingStatus.FIRM_ID).isEmpty()) {
            if (!halt) {
                return new FirmTradingStatus(false, null, null); // never halted: nothing to resume
            }
            status = firms.newInstance(() -> new FirmAggregate(FirmTradingStatus.FIRM_ID, reason, now))
                    .invoke(FirmAggregate::status);
        } else {
            status = firms.load(FirmTradingStatus.FIRM_ID).invoke(firm -> firm.change(halt, reason, now));
        }
        firmSwitch.set(status.halted());
        CurrentUnitOfWork.get().root().onRollback(unit -> firmSwitch.set(before));
        return status;
    }

    @CommandHandler
    public OrderDecision handle(PlaceOrderCommand command) throws Exception {
        Placement placement = new Placement(command);
        return writer.write(CurrentUnitOfWork.get().getMessage(), placement::place, placement::decide);
    }

    @CommandHandler
    public void handle(RecordFillCommand command) throws Exception {
        writer.write(CurrentUnitOfWork.get().getMessage(), () -> {
            fill(command);
            return null;
        });
    }

    @CommandHandler
    public void handle(CancelOrderCommand command) throws Exception {
        writer.write(CurrentUnitOfWork.get().getMessage(), () -> {
            cancel(command);
            return null;
        });
    }

    @CommandHandler
    public void handle(ExpireOrderCommand command) throws Exception {
        writer.write(CurrentUnitOfWork.get().getMessage(), () -> {
            expire(command);
            return null;
        });
    }

    /**
     * Places and decides an order. A resend of an existing order (same account and clientOrderId)
     * stores nothing and answers the order's current status; bad input is refused before anything is
     * stored (the order's input rules throw).
     */
    /**
     * Places and decides an order, in two steps of the writer (a millisecond apart in the store, so the
     * order as of its placement reads PENDING). A resend of an existing order (same account and
     * clientOrderId) stores nothing and answers the order's current status; bad input and an unknown
     * account are refused in the first step, before anything is stored.
     */
    final class Placement {
        private final PlaceOrderCommand command;
        private OrderDecision resent;

        Placement(PlaceOrderCommand command) {
            this.command = command;
        }

        Void place() throws Exception {
            Optional<Aggregate<OrderAggregate>> existing = find(command.orderId().toString());
            if (existing.isPresent()) {
                resent = existing.get().invoke(order -> OrderDecision.resent(command.orderId(), order.status(),
                        order.rejectionCode(), order.rejectionReason()));
                return null;
            }
            orders.newInstance(() -> new OrderAggregate(command, clock));
            account(command.accountId());
            return null;
        }

        OrderDecision decide() {
            if (resent != null) {
                return resent;
            }
            Aggregate<OrderAggregate> order = orders.load(command.orderId().toString());
            Aggregate<AccountAggregate> account = account(command.accountId());
            OrderTerms terms = command.terms();
            CheckPreTradeRiskCommand check = new CheckPreTradeRiskCommand(command.accountId(), command.orderId(),
                    terms.symbol(), terms.side(), terms.quantity(), terms.referencePrice(marketData), clock.instant(),
                    OrderControls.of(terms, marketData, firmSwitch.halted()));
            Optional<RiskRejection> breach = account.invoke(a -> a.decide(check, check.requestedAt()));
            // the answer carries the order's events as stored, so the caller needs no read model to answer
            OrderPlacedEvent placed = new OrderPlacedEvent(command.orderId(), command.accountId(),
                    command.clientOrderId(), terms, order.invoke(OrderAggregate::placedAt), command.provenance(),
                    command.basketId());
            if (breach.isPresent()) {
                RiskRejection rejection = breach.get();
                Instant rejectedAt = order.invoke(o -> o.handle(new RejectOrderCommand(command.orderId(),
                        rejection.code().name(), rejection.message()), clock));
                return OrderDecision.decided(placed, OrderStatus.REJECTED, rejection.code().name(),
                        rejection.message(), rejectedAt);
            }
            Instant acceptedAt = order.invoke(o -> o.handle(new AcceptOrderCommand(command.orderId()), clock));
            return OrderDecision.decided(placed, OrderStatus.WORKING, null, null, acceptedAt);
        }
    }

    /**
     * Records a venue fill on the order and books it on the account; the fill that completes the order
     * releases what is left of its reservation. A re-sent fill (same fillId) changes nothing.
     */
    void fill(RecordFillCommand command) {
        Aggregate<OrderAggregate> order = orders.load(command.orderId().toString());
        OrderFilledEvent filled = order.invoke(o -> o.handle(command, clock));
        if (filled == null) {
            return;
        }
        Aggregate<AccountAggregate> account = account(filled.accountId());
        account.execute(a -> {
            a.handle(new ApplyFillCommand(filled.accountId(), filled.orderId(), filled.fillId(), filled.symbol(),
                    filled.side(), filled.price(), filled.quantity(), filled.fee(), filled.executedAt()), clock);
            if (filled.complete()) {
                a.handle(new ReleaseExposureCommand(filled.accountId(), filled.orderId()), clock);
            }
        });
    }

    /** Cancels the order and releases its reservation; a re-sent cancel changes nothing. */
    void cancel(CancelOrderCommand command) {
        Aggregate<OrderAggregate> order = orders.load(command.orderId().toString());
        if (order.invoke(o -> o.handle(command, clock))) {
            release(order);
        }
    }

    /** Expires a DAY or GTD order and releases its reservation. */
    void expire(ExpireOrderCommand command) {
        Aggregate<OrderAggregate> order = orders.load(command.orderId().toString());
        order.execute(o -> o.handle(command, clock));
        release(order);
    }

    private void release(Aggregate<OrderAggregate> order) {
        var accountId = order.invoke(OrderAggregate::accountId);
        var orderId = order.invoke(OrderAggregate::orderId);
        accounts.load(accountId.toString()).execute(a -> a.handle(new ReleaseExposureCommand(accountId, orderId), clock));
    }

    private Aggregate<AccountAggregate> account(AccountId accountId) {
        try {
            return accounts.load(accountId.toString());
        } catch (AggregateNotFoundException unknown) {
            OrderRejection rejection = new OrderRejection(OrderErrorCode.ORDER_UNKNOWN_ACCOUNT,
                    "no account " + accountId);
            throw new CommandExecutionException(rejection.message(), null, rejection);
        }
    }

    /** An order that exists (a resend); asked of the store first, as loading a missing one logs a warning. */
    private Optional<Aggregate<OrderAggregate>> find(String orderId) {
        return eventStore.lastSequenceNumberFor(orderId).map(last -> orders.load(orderId));
    }
}
