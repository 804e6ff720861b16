package org.mltrading.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The query side's Spring contribution (projections, GraphQL API, market data); deployables import it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource("classpath:config/query-side-defaults.properties")
public class QuerySideConfiguration {
}
