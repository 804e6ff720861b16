package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The risk limits of an account, in full (also emitted when the account is created). */
@Revision("1")
public record RiskLimitsSetEvent(AccountId accountId, RiskLimits limits, Instant setAt) {
}
