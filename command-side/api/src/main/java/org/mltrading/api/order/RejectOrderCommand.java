package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject an order that has not been accepted (pre-trade risk, venue refusal). {@code reasonCode} is a catalogue code. */
public record RejectOrderCommand(@TargetAggregateIdentifier OrderId orderId, String reasonCode, String reason) {
}
