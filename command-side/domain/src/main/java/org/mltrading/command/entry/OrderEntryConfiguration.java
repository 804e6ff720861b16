package org.mltrading.command.entry;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.command.account.AccountAggregate;
import org.mltrading.command.firm.FirmAggregate;
import org.mltrading.command.order.OrderAggregate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;

/**
 * Order entry's beans: the group-commit writer ({@code platform.order-entry.max-batch}, how many
 * callers' orders share one commit) and the command handlers that hand their work to it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class OrderEntryConfiguration {

    /** Replaces Axon's default (a SpringTransactionManager for every unit of work): see {@link CallerTransactions}. */
    @Bean
    TransactionManager axonTransactionManager(ObjectProvider<PlatformTransactionManager> transactions) {
        return new CallerTransactions(storeTransactions(transactions));
    }

    @Bean(destroyMethod = "close")
    OrderEntryWriter orderEntryWriter(ObjectProvider<PlatformTransactionManager> platformTransactions,
                                      ObjectProvider<Configuration> axon,
                                      @Value("${platform.order-entry.max-batch:256}") int maxBatch,
                                      @Value("${platform.order-entry.queue-capacity:8192}") int queueCapacity,
                                      @Value("${platform.order-entry.caller-timeout-ms:30000}") long callerTimeoutMs) {
        return new OrderEntryWriter(storeTransactions(platformTransactions), () -> axon.getObject().correlationDataProviders(), maxBatch,
                queueCapacity, Duration.ofMillis(callerTimeoutMs));
    }

    /** The event store's transactions (JPA/JDBC); none where there is no transactional store (in-memory). */
    private static TransactionManager storeTransactions(ObjectProvider<PlatformTransactionManager> transactions) {
        PlatformTransactionManager platform = transactions.getIfAvailable();
        return platform == null ? NoTransactionManager.instance() : new SpringTransactionManager(platform);
    }

    @Bean
    OrderEntry orderEntry(Repository<OrderAggregate> orders, Repository<AccountAggregate> accounts,
                          EventStore eventStore, MarketDataPort marketData, Clock clock, OrderEntryWriter writer,
                          Repository<FirmAggregate> firms) {
        return new OrderEntry(orders, accounts, eventStore, marketData, clock, writer, firms);
    }
}
