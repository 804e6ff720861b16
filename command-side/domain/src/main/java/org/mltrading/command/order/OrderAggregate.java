package org.mltrading.command.order;

import org.mltrading.api.common.Decimals;
import org.mltrading.command.CommandSideConfiguration;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.common.AccountId;
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
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.RejectOrderCommand;
import org.mltrading.command.order.OrderPolicies.Transition;

/**
 * An order's life, event-sourced: the event stream of this aggregate is the order's audit trail.
 *
 * <p>PENDING → WORKING (accepted) → PARTIALLY_FILLED → FILLED; PENDING → REJECTED; PENDING, WORKING or
 * PARTIALLY_FILLED → CANCELLED; WORKING or PARTIALLY_FILLED → EXPIRED (DAY, GTD). Re-sent fills (same
 * fillId) and a cancel of a cancelled order are answered with success and no event, because the venue
 * and the sagas deliver at least once; every other command on a terminal order is refused.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class OrderAggregate {

    @AggregateIdentifier
    private OrderId orderId;
    private AccountId accountId;
    private String clientOrderId;
    private OrderTerms terms;
    private OrderStatus status;
    private Instant placedAt;
    private BigDecimal filledQuantity;
    /** Σ price × quantity of the fills, exact, so the average price never accumulates rounding. */
    private BigDecimal filledNotional;
    private BigDecimal averagePrice;
    private final Set<String> fillIds = new HashSet<>();
    private String rejectionCode;
    private String rejectionReason;

    protected OrderAggregate() {
        // required by Axon to rebuild from events
    }

    /** Places the order (PENDING); {@code OrderEntry} decides it in the same unit of work. */
    public OrderAggregate(PlaceOrderCommand command, Clock clock) {
        OrderPolicies.validate(command, clock.instant());
        apply(new OrderPlacedEvent(command.orderId(), command.accountId(), command.clientOrderId(),
                command.terms(), clock.instant(), command.provenance(), command.basketId()));
    }

    /** Accepts the order (WORKING); answers the event's instant. */
    public Instant handle(AcceptOrderCommand command, Clock clock) {
        OrderPolicies.requireStatus(Transition.ACCEPT, status);
        Instant at = clock.instant();
        apply(new OrderAcceptedEvent(orderId, accountId, terms.symbol(), terms, at));
        return at;
    }

    /** Rejects the order; answers the event's instant. */
    public Instant handle(RejectOrderCommand command, Clock clock) {
        OrderPolicies.requireStatus(Transition.REJECT, status);
        Instant at = clock.instant();
        apply(new OrderRejectedEvent(orderId, accountId, command.reasonCode(), command.reason(), at));
        return at;
    }

    /** When the order was placed (its {@link OrderPlacedEvent}'s instant). */
    public Instant placedAt() {
        return placedAt;
    }

    /** Records a fill; answers the event, or null for a re-sent fill (same fillId, already recorded). */
    public OrderFilledEvent handle(RecordFillCommand command, Clock clock) {
        if (command.fillId() != null && fillIds.contains(command.fillId())) {
            return null; // a re-sent fill: already booked
        }
        OrderPolicies.requireStatus(Transition.FILL, status);
        BigDecimal leaves = leavesQuantity();
        OrderPolicies.validate(command, leaves);

        BigDecimal cumulativeQuantity = filledQuantity.add(command.quantity());
        BigDecimal cumulativeNotional = filledNotional.add(command.price().multiply(command.quantity()));
        BigDecimal average = Decimals.normalised(cumulativeNotional.divide(cumulativeQuantity, MathContext.DECIMAL64));
        BigDecimal newLeaves = Decimals.normalised(leaves.subtract(command.quantity()));
        OrderFilledEvent filled = new OrderFilledEvent(orderId, accountId, terms.symbol(), terms.side(), command.fillId(),
                command.price(), command.quantity(), Objects.requireNonNullElse(command.fee(), BigDecimal.ZERO),
                Decimals.normalised(cumulativeQuantity), average, newLeaves, newLeaves.signum() == 0,
                command.executedAt() != null ? command.executedAt() : clock.instant());
        apply(filled);
        return filled;
    }

    /** Answers whether the order ended now (false for a re-sent cancel). */
    public boolean handle(CancelOrderCommand command, Clock clock) {
        if (status == OrderStatus.CANCELLED) {
            return false; // a re-sent cancel: already cancelled
        }
        OrderPolicies.requireStatus(Transition.CANCEL, status);
        apply(new OrderCancelledEvent(orderId, accountId, command.reasonCode(), command.reason(), leavesQuantity(),
                clock.instant()));
        return true;
    }

    @CommandHandler
    void handle(AmendOrderCommand command, Clock clock) {
        OrderPolicies.requireStatus(Transition.AMEND, status);
        OrderPolicies.validate(command, terms, filledQuantity);
        BigDecimal quantity = command.quantity() != null ? command.quantity() : terms.quantity();
        BigDecimal limitPrice = command.limitPrice() != null ? command.limitPrice() : terms.limitPrice();
        BigDecimal stopPrice = command.stopPrice() != null ? command.stopPrice() : terms.stopPrice();
        if (sameValue(quantity, terms.quantity()) && sameValue(limitPrice, terms.limitPrice())
                && sameValue(stopPrice, terms.stopPrice())) {
            return; // nothing changes (e.g. a re-sent amend): no event
        }
        apply(new OrderAmendedEvent(orderId, accountId, quantity, limitPrice, stopPrice, clock.instant()));
    }

    public void handle(ExpireOrderCommand command, Clock clock) {
        OrderPolicies.requireStatus(Transition.EXPIRE, status);
        OrderPolicies.requireExpirable(terms);
        apply(new OrderExpiredEvent(orderId, accountId, leavesQuantity(), clock.instant()));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        accountId = event.accountId();
        clientOrderId = event.clientOrderId();
        terms = event.terms();
        placedAt = event.placedAt();
        status = OrderStatus.PENDING;
        filledQuantity = BigDecimal.ZERO;
        filledNotional = BigDecimal.ZERO;
    }

    @EventSourcingHandler
    void on(OrderAcceptedEvent event) {
        status = OrderStatus.WORKING;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
        rejectionCode = event.reasonCode();
        rejectionReason = event.reason();
    }

    @EventSourcingHandler
    void on(OrderFilledEvent event) {
        fillIds.add(event.fillId());
        filledQuantity = event.filledQuantity();
        filledNotional = filledNotional.add(event.price().multiply(event.quantity()));
        averagePrice = event.averagePrice();
        status = event.complete() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderAmendedEvent event) {
        terms = new OrderTerms(terms.symbol(), terms.side(), terms.type(), event.quantity(), event.limitPrice(),
                event.stopPrice(), terms.timeInForce(), terms.expireAt());
    }

    @EventSourcingHandler
    void on(OrderExpiredEvent event) {
        status = OrderStatus.EXPIRED;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public OrderId orderId() {
        return orderId;
    }

    public OrderTerms terms() {
        return terms;
    }

    public OrderStatus status() {
        return status;
    }

    public AccountId accountId() {
        return accountId;
    }

    String clientOrderId() {
        return clientOrderId;
    }

    BigDecimal filledQuantity() {
        return filledQuantity;
    }

    /** Volume-weighted over the fills; null before the first fill. */
    BigDecimal averagePrice() {
        return averagePrice;
    }

    /** What still works: quantity − filled (the cancelled or expired quantity once the order ends). */
    BigDecimal leavesQuantity() {
        return Decimals.normalised(terms.quantity().subtract(filledQuantity));
    }

    public String rejectionCode() {
        return rejectionCode;
    }

    public String rejectionReason() {
        return rejectionReason;
    }
}
