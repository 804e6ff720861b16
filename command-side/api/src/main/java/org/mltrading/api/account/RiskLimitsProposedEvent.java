package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** Limits that raise some limit were proposed; they apply only once a second risk officer approves them. */
@Revision("1")
public record RiskLimitsProposedEvent(AccountId accountId, String proposalId, RiskLimits limits, String proposedBy,
                                      String reason, Instant proposedAt) {
}
