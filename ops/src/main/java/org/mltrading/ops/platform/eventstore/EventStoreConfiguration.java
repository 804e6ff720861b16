package org.mltrading.ops.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded (JPA) event store, built as Axon's auto-configuration builds it but with
 * {@link IndexedGapsEventStorageEngine}'s indexed tracking fetch. With Axon Server
 * ({@code axon.axonserver.enabled=true}) Axon Server is the store and this bean is absent.
 */
@Configuration(proxyBeanMethods = false)
// Axon's auto-configuration registers its event entities only when it builds the engine itself
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          @Value("${platform.event-store.fetch-batch-size:1000}") int fetchBatchSize) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                // events per query (Axon's default 100): a projection rebuild reads the history in fewer,
                // larger fetches; live processors take what is there, so latency does not change
                .batchSize(fetchBatchSize)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager);
        return new IndexedGapsEventStorageEngine(builder);
    }
}
