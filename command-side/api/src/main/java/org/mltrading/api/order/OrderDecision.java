package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

/**
 * What {@link PlaceOrderCommand} answers: the order's pre-trade decision, made in the same unit of
 * work that stored the order. {@code status} is WORKING or REJECTED (or the order's current status
 * when the command was a resend of an order that exists); {@code rejectCode} and {@code reason} only
 * for REJECTED. {@code resend} is true when the order existed already and nothing was stored: the caller
 * answers from the stored order (and compares its terms) instead of waiting for a new one.
 */
public record OrderDecision(OrderId orderId, OrderStatus status, String rejectCode, String reason, boolean resend) {

    /** The decision on a newly placed order. */
    public static OrderDecision decided(OrderId orderId, OrderStatus status, String rejectCode, String reason) {
        return new OrderDecision(orderId, status, rejectCode, reason, false);
    }
}
