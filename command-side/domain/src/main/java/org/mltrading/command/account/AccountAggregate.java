package org.mltrading.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.account.CreateAccountCommand;

/** A trading account: owner, entitlements and cash now; positions, risk limits and kill switch with the trading issue. */
@Aggregate
public class AccountAggregate {

    @AggregateIdentifier
    private AccountId accountId;
    private String owner;
    private Set<String> entitledPrincipals;
    private BigDecimal cash;

    protected AccountAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    public AccountAggregate(CreateAccountCommand command, Clock clock) {
        if (command.owner() == null || command.owner().isBlank()) {
            throw new IllegalArgumentException("an account needs an owner");
        }
        if (command.initialCash() == null || command.initialCash().signum() < 0) {
            throw new IllegalArgumentException("initial cash must be zero or more");
        }
        apply(new AccountCreatedEvent(command.accountId(), command.name(), command.owner(), command.currency(),
                command.initialCash(), Set.copyOf(command.entitledPrincipals()), clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        owner = event.owner();
        entitledPrincipals = event.entitledPrincipals();
        cash = event.initialCash();
    }
}
