package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Let a user or integrator client (by its id) see and trade the account (ADMIN). */
public record GrantAccountEntitlementCommand(@TargetAggregateIdentifier AccountId accountId, String principal) {
}
