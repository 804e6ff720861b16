package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The trading state of an account changed. */
@Revision("1")
public record TradingStateChangedEvent(AccountId accountId, TradingState state, String reason, Instant changedAt) {
}
