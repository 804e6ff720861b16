package org.mltrading.auth;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the auth server contributes, without any auto-configuration of its own: the caller
 * decides which auto-configuration runs ({@link AuthServerLauncher}'s allow-list in the all-in-one
 * JVM, full auto-configuration in {@link AuthServerApplication}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackages = "org.mltrading.auth",
        // AuthServerApplication lives in this package and carries @EnableAutoConfiguration: scanning it
        // here would switch on everything on the all-in-one classpath (Axon, Mongo, DGS, Vaadin, JPA).
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)
        })
public class AuthServerConfiguration {}
