package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Kill switch: halt, resume (ACTIVE) or restrict to reducing positions. */
public record ChangeTradingStateCommand(@TargetAggregateIdentifier AccountId accountId, TradingState state, String reason) {
}
