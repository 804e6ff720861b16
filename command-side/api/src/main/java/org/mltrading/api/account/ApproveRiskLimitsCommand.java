package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Approve an open proposal of limits; {@code approvedBy} must not be its proposer. */
public record ApproveRiskLimitsCommand(@TargetAggregateIdentifier AccountId accountId, String proposalId,
                                       String approvedBy, String reason) {
}
