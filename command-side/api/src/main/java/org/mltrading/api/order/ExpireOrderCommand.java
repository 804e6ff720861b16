package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A DAY (00:00 UTC) or GTD (expireAt) order reached its end of life. */
public record ExpireOrderCommand(@TargetAggregateIdentifier OrderId orderId) {
}
