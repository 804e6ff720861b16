package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A proposal of limits was rejected (or withdrawn by its proposer); nothing changed. */
@Revision("1")
public record RiskLimitsRejectedEvent(AccountId accountId, String proposalId, String rejectedBy, String reason,
                                      Instant rejectedAt) {
}
