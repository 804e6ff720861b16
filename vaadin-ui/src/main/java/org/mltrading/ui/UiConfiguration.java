package org.mltrading.ui;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Entry point of the vaadin-ui module: import (or component-scan) this class to get the trader UI.
 *
 * <p>{@code @EnableVaadin} registers the routes of {@code org.mltrading.ui} even though the
 * {@code @SpringBootApplication} that hosts the UI lives in another package (Vaadin would otherwise
 * only look for routes below the application class). The module's defaults (OAuth2 client
 * registration {@code platform}, GraphQL URLs, Vaadin production mode) come from
 * {@code config/ui-defaults.properties}; the host application overrides any of them as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableVaadin(UiConfiguration.UI_PACKAGE)
@ComponentScan(basePackageClasses = UiConfiguration.class)
@PropertySource("classpath:config/ui-defaults.properties")
public class UiConfiguration {

    static final String UI_PACKAGE = "org.mltrading.ui";
}
