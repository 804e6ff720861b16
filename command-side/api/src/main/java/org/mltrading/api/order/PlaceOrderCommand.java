package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/**
 * Place a new order; idempotent on (accountId, clientOrderId) through {@link OrderId#forClientOrder}.
 * {@code provenance} is null for manual orders and names the strategy and prediction for automated ones;
 * {@code basketId} names the basket of a placeBasket request (null otherwise).
 */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        AccountId accountId,
        String clientOrderId,
        OrderTerms terms,
        OrderProvenance provenance,
        String basketId) {

    /** A manual order (no provenance). */
    public PlaceOrderCommand(OrderId orderId, AccountId accountId, String clientOrderId, OrderTerms terms) {
        this(orderId, accountId, clientOrderId, terms, null, null);
    }

    /** An order outside any basket. */
    public PlaceOrderCommand(OrderId orderId, AccountId accountId, String clientOrderId, OrderTerms terms,
                             OrderProvenance provenance) {
        this(orderId, accountId, clientOrderId, terms, provenance, null);
    }
}
