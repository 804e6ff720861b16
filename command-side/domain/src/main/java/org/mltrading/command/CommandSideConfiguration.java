package org.mltrading.command;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The command side's Spring contribution; deployables import it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {

    /** Name of the aggregate cache bean used by {@code @Aggregate(cache = ...)}. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /**
     * Keeps loaded aggregates in memory so a command does not replay the aggregate's whole history:
     * an account's stream grows with every order it checks. Entries go when memory is needed (weak
     * references) and are evicted by Axon when a unit of work rolls back.
     */
    @Bean(AGGREGATE_CACHE)
    @ConditionalOnMissingBean(name = AGGREGATE_CACHE)
    org.axonframework.common.caching.Cache aggregateCache() {
        return new org.axonframework.common.caching.WeakReferenceCache();
    }

    /**
     * A handler's failure fails its batch, so the tracking processor rolls the batch back (token and,
     * for MongoDB projections, the batch's documents are written only at its end) and retries it with
     * backoff until it succeeds; Axon's default would log the failure and move on — a projection, saga
     * or venue update lost. A poison event stops its processor visibly (projectionStatus, the logs)
     * instead of being skipped.
     */
    @org.springframework.beans.factory.annotation.Autowired
    void propagateHandlerFailures(org.axonframework.config.EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(
                axon -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
    }

    /** Domain code reads time only from this clock, so tests and replays control it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
