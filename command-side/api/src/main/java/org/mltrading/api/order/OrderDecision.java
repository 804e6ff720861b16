package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

/**
 * What {@link PlaceOrderCommand} answers: the order's pre-trade decision, made in the same unit of
 * work that stored the order. {@code status} is WORKING or REJECTED (or the order's current status
 * when the command was a resend of an order that exists); {@code rejectCode} and {@code reason} only
 * for REJECTED.
 */
public record OrderDecision(OrderId orderId, OrderStatus status, String rejectCode, String reason) {
}
