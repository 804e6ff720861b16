package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Propose new limits that raise some limit; a different risk officer approves or rejects them (four eyes). */
public record ProposeRiskLimitsCommand(@TargetAggregateIdentifier AccountId accountId, String proposalId,
                                       RiskLimits limits, String proposedBy, String reason) {
}
