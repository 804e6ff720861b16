package org.mltrading.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;

/** Reject an open proposal of limits (by any risk officer, the proposer withdrawing it included). */
public record RejectRiskLimitsCommand(@TargetAggregateIdentifier AccountId accountId, String proposalId,
                                      String rejectedBy, String reason) {
}
