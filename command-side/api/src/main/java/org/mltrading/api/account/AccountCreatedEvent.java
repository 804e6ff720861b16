package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A trading account was opened. */
@Revision("1")
public record AccountCreatedEvent(
        AccountId accountId,
        String name,
        String owner,
        String currency,
        BigDecimal initialCash,
        Set<String> entitledPrincipals,
        Instant createdAt) {
}
