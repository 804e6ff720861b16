package org.mltrading.ops.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.api.audit.AuditMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Local-profile seed data (ARCHITECTURE.md, "Seed data"): the demo accounts, created through commands
 * like any other account so they have an audit trail. Runs on every start and creates only what the
 * event store does not have yet.
 */
@Component
@Profile("local")
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    static final List<CreateAccountCommand> ACCOUNTS = List.of(
            new CreateAccountCommand(new AccountId("demo-account"), "Demo account", "trader", "USD",
                    new BigDecimal("1000000"), Set.of("demo-integrator")),
            new CreateAccountCommand(new AccountId("demo-account-2"), "Demo account 2", "trader", "USD",
                    new BigDecimal("1000000"), Set.of()));

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SeedStatus status;

    DemoSeed(CommandGateway commands, EventStore eventStore, SeedStatus status) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.status = status;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CreateAccountCommand account : ACCOUNTS) {
            if (eventStore.readEvents(account.accountId().value()).hasNext()) {
                continue;
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(account).andMetaData(MetaData.from(Map.of(
                    AuditMetadata.ACTOR, "system:demo-seed", AuditMetadata.ACTOR_TYPE, "SYSTEM",
                    AuditMetadata.ROLES, "", AuditMetadata.MFA, false))));
            log.info("Seeded account {}", account.accountId());
        }
        status.expect(ACCOUNTS.stream().map(a -> a.accountId().value()).toList());
    }
}
