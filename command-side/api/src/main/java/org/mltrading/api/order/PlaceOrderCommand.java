package org.mltrading.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.account.AccountId;

/** Place a new order; idempotent on (accountId, clientOrderId) through {@link OrderId#forClientOrder}. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        AccountId accountId,
        String clientOrderId,
        OrderTerms terms) {
}
