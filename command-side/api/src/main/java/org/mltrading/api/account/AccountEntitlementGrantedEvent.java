package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A user or client was entitled to see and trade the account. */
@Revision("1")
public record AccountEntitlementGrantedEvent(AccountId accountId, String principal, Instant grantedAt) {
}
