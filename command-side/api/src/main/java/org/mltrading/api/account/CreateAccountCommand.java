package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a trading account owned by a user. {@code entitledPrincipals} are further user or client ids
 * that may see and trade it (e.g. an integrator client). Cash is in the account currency.
 */
public record CreateAccountCommand(
        @TargetAggregateIdentifier AccountId accountId,
        String name,
        String owner,
        String currency,
        BigDecimal initialCash,
        Set<String> entitledPrincipals,
        RiskLimits limits) {

    /** An account with the default limits. */
    public CreateAccountCommand(AccountId accountId, String name, String owner, String currency,
                                BigDecimal initialCash, Set<String> entitledPrincipals) {
        this(accountId, name, owner, currency, initialCash, entitledPrincipals, RiskLimits.defaults());
    }
}
