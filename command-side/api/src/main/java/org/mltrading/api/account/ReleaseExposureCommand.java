package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;

/** The order ended (filled, cancelled, rejected, expired): free what its approval reserved. */
public record ReleaseExposureCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId) {
}
