package org.mltrading.command.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.account.CreateAccountCommand;

class AccountAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private AggregateTestFixture<AccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void creating_an_account_records_owner_cash_and_entitlements() {
        AccountId id = new AccountId("demo-account");
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(id, "Demo", "trader", "USD", new BigDecimal("1000000"),
                        Set.of("demo-integrator")))
                .expectEvents(new AccountCreatedEvent(id, "Demo", "trader", "USD", new BigDecimal("1000000"),
                        Set.of("demo-integrator"), NOW));
    }

    @Test
    void an_account_without_owner_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(new AccountId("x"), "X", " ", "USD", BigDecimal.ZERO, Set.of()))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }
}
