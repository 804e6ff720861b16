package org.mltrading.api.order;

import java.time.Instant;
import org.mltrading.api.common.OrderId;

/**
 * What {@link PlaceOrderCommand} answers: the order's pre-trade decision, made in the same unit of
 * work that stored the order. {@code status} is WORKING or REJECTED (or the order's current status
 * when the command was a resend of an order that exists); {@code rejectCode} and {@code reason} only
 * for REJECTED. {@code resend} is true when the order existed already and nothing was stored: the caller
 * answers from the stored order (and compares its terms) instead of waiting for a new one.
 *
 * <p>For a new order {@code placed} is the {@link OrderPlacedEvent} that commit stored and
 * {@code decidedAt} the instant of its {@link OrderAcceptedEvent} or {@link OrderRejectedEvent}, so the
 * caller can answer with the order exactly as its events describe it without waiting for a read model.
 */
public record OrderDecision(OrderId orderId, OrderStatus status, String rejectCode, String reason, boolean resend,
                            OrderPlacedEvent placed, Instant decidedAt) {

    /** The decision on a newly placed order. */
    public static OrderDecision decided(OrderPlacedEvent placed, OrderStatus status, String rejectCode, String reason,
                                        Instant decidedAt) {
        return new OrderDecision(placed.orderId(), status, rejectCode, reason, false, placed, decidedAt);
    }

    /** A resend of an order that exists: nothing was stored, {@code status} is its current one. */
    public static OrderDecision resent(OrderId orderId, OrderStatus status, String rejectCode, String reason) {
        return new OrderDecision(orderId, status, rejectCode, reason, true, null, null);
    }

    /** The event that decided the order, as stored: {@link OrderAcceptedEvent} or {@link OrderRejectedEvent}. */
    public Object decisionEvent() {
        if (placed == null) {
            throw new IllegalStateException("a resend carries no events");
        }
        return status == OrderStatus.REJECTED
                ? new OrderRejectedEvent(orderId, placed.accountId(), rejectCode, reason, decidedAt)
                : new OrderAcceptedEvent(orderId, placed.accountId(), placed.terms().symbol(), placed.terms(), decidedAt);
    }
}
