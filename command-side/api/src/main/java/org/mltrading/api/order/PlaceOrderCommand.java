package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Place a new order; idempotent on (accountId, clientOrderId) through {@link OrderId#forClientOrder}. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        AccountId accountId,
        String clientOrderId,
        OrderTerms terms) {
}
