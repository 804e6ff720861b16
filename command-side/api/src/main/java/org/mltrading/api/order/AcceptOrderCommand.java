package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pre-trade check approved the order: it starts working at the venue. */
public record AcceptOrderCommand(@TargetAggregateIdentifier OrderId orderId) {
}
