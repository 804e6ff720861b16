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

    /** Domain code reads time only from this clock, so tests and replays control it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
