package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A second risk officer approved a proposal; a {@link RiskLimitsSetEvent} with its limits follows. */
@Revision("1")
public record RiskLimitsApprovedEvent(AccountId accountId, String proposalId, String approvedBy, String reason,
                                      Instant approvedAt) {
}
