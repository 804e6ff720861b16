package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.order.OrderId;

/** The order ended (filled, cancelled, rejected, expired): free what its approval reserved. */
public record ReleaseExposureCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId) {
}
