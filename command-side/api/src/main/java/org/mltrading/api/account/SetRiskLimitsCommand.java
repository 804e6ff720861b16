package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the risk limits of an account (RISK_OFFICER). */
public record SetRiskLimitsCommand(@TargetAggregateIdentifier AccountId accountId, RiskLimits limits) {
}
