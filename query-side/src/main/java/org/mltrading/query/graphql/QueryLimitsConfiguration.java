package org.mltrading.query.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounds on what one request may ask for, so a single query cannot exhaust the server. */
@Configuration(proxyBeanMethods = false)
public class QueryLimitsConfiguration {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(@Value("${platform.graphql.max-query-depth}") int depth) {
        return new MaxQueryDepthInstrumentation(depth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(
            @Value("${platform.graphql.max-query-complexity}") int complexity) {
        return new MaxQueryComplexityInstrumentation(complexity);
    }
}
