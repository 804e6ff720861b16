package org.mltrading.ops.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.command.CommandSideConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The command side in distributed mode: commands routed and events stored by a real Axon Server
 * instead of the embedded JPA event store. Needs Docker (Axon Server is not obtainable otherwise);
 * without it the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonServerContainerIT {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-dev")
            .withDevMode(true);

    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start_command_side() {
        // the Testcontainers extension has started the container before any @BeforeAll method runs
        commandSide = CommandSideOnAxonServer.start(AXON_SERVER.getAxonServerAddress());
    }

    @AfterAll
    static void stop_command_side() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void a_created_account_is_stored_as_an_event_in_axon_server() {
        AccountId accountId = new AccountId("axon-server-it-account");
        CommandGateway commands = commandSide.getBean(CommandGateway.class);

        commands.sendAndWait(new CreateAccountCommand(accountId, "Axon Server IT", "trader", "USD",
                new BigDecimal("1000000"), Set.of("demo-integrator")));

        EventStore eventStore = commandSide.getBean(EventStore.class);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(accountId.toString()).asStream()
                .collect(Collectors.toList());
        assertThat(events).hasSize(1);
        DomainEventMessage<?> stored = events.get(0);
        assertThat(stored.getSequenceNumber()).isZero();
        assertThat(stored.getAggregateIdentifier()).isEqualTo("axon-server-it-account");
        assertThat(stored.getPayload()).isInstanceOfSatisfying(AccountCreatedEvent.class, created -> {
            assertThat(created.accountId()).isEqualTo(accountId);
            assertThat(created.owner()).isEqualTo("trader");
            assertThat(created.currency()).isEqualTo("USD");
            assertThat(created.initialCash()).isEqualByComparingTo("1000000");
            assertThat(created.entitledPrincipals()).containsExactly("demo-integrator");
            assertThat(created.createdAt()).isNotNull();
        });
    }

    /**
     * Only the command side and Axon: ops' classpath also holds query-side, the UI and the auth server
     * (web, security, Mongo, JPA, Vaadin, DGS), so auto-configuration is imported explicitly rather than
     * enabled wholesale and then trimmed with an ever-growing exclude list.
     */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @Import(CommandSideConfiguration.class)
    @ImportAutoConfiguration({
            JacksonAutoConfiguration.class,
            ObjectMapperAutoConfiguration.class,
            NoOpTransactionAutoConfiguration.class,
            AxonServerAutoConfiguration.class,
            AxonServerBusAutoConfiguration.class,
            AxonAutoConfiguration.class,
            AxonTimeoutAutoConfiguration.class,
            AxonTracingAutoConfiguration.class,
            EventProcessingAutoConfiguration.class,
            InterceptorAutoConfiguration.class,
            InfraConfiguration.class})
    static class CommandSideOnAxonServer {

        static ConfigurableApplicationContext start(String axonServerAddress) {
            return new SpringApplicationBuilder(CommandSideOnAxonServer.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                            "axon.axonserver.enabled=true",
                            "axon.axonserver.servers=" + axonServerAddress,
                            "axon.axonserver.component-name=command-side-it",
                            "axon.serializer.general=jackson",
                            "axon.serializer.events=jackson",
                            "axon.serializer.messages=jackson",
                            "logging.level.org.springframework.core.annotation.AnnotationTypeMapping=ERROR")
                    // ops' application.yml configures the embedded all-in-one (H2, Mongo, ports): not read here
                    .run("--spring.config.name=axon-server-it");
        }
    }
}
