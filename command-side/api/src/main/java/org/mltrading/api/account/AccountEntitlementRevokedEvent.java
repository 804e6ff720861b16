package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A user's or client's entitlement to the account was withdrawn. */
@Revision("1")
public record AccountEntitlementRevokedEvent(AccountId accountId, String principal, Instant revokedAt) {
}
