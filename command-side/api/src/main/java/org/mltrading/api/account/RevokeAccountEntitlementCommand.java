package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Withdraw a principal's entitlement to the account (ADMIN); the owner's access cannot be revoked. */
public record RevokeAccountEntitlementCommand(@TargetAggregateIdentifier AccountId accountId, String principal) {
}
