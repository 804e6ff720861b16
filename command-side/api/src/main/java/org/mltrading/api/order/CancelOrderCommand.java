package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel what is left of an order: asked by a client ({@code reasonCode} CLIENT_REQUEST) or by the
 * venue (IOC remainder, FOK not fillable, DAY/GTD expiry is {@link ExpireOrderCommand}).
 */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, String reasonCode, String reason) {
}
