package org.mltrading.auth;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Starts the auth server as its own Spring Boot application inside a JVM whose classpath also holds
 * the platform (Axon, MongoDB, DGS, Vaadin, JPA/H2). Auto-configuration is therefore an explicit
 * allow-list rather than {@code @EnableAutoConfiguration}, and the configuration files are
 * {@code auth-server*.yml} so the platform's {@code application.yml} is never read.
 *
 * <p>Deliberately not a {@code @Configuration}: as a plain source class it is never picked up by a
 * component scan of {@code org.mltrading}, yet its {@code @Import}s are still processed.
 */
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    ConfigurationPropertiesAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    OAuth2AuthorizationServerAutoConfiguration.class,
    OAuth2AuthorizationServerJwtAutoConfiguration.class,
    // actuator: only the health endpoint, with no store-specific indicators (those would probe the
    // platform's MongoDB/H2 from the auth server)
    EndpointAutoConfiguration.class,
    WebEndpointAutoConfiguration.class,
    HealthContributorAutoConfiguration.class,
    HealthEndpointAutoConfiguration.class,
    ManagementContextAutoConfiguration.class,
    ServletManagementContextAutoConfiguration.class
})
@Import(AuthServerConfiguration.class)
public class AuthServerLauncher {

    /** {@code spring.config.name}: reads {@code auth-server.yml} and {@code auth-server-<profile>.yml}. */
    public static final String CONFIG_NAME = "auth-server";

    /**
     * Starts the auth server and returns once it accepts requests. Arguments are Spring Boot command
     * line arguments, e.g. {@code --server.port=0}, {@code --spring.profiles.active=local},
     * {@code --PLATFORM_DATA_DIR=/path}. Close the returned context to stop it.
     */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AuthServerLauncher.class)
                .main(AuthServerLauncher.class) // else the log names the caller's main class
                .web(WebApplicationType.SERVLET) // webflux is on the all-in-one classpath too
                .bannerMode(Banner.Mode.OFF)
                .run(withOwnConfigName(args));
    }

    /**
     * Prepends {@code --spring.config.name=auth-server} unless the caller chose one. A command line
     * argument (not a default property) so it beats a {@code spring.config.name} system property or
     * environment variable meant for the platform.
     */
    static String[] withOwnConfigName(String... args) {
        String[] given = args == null ? new String[0] : args;
        boolean chosen = Arrays.stream(given).anyMatch(arg -> arg.startsWith("--spring.config.name="));
        return chosen
                ? given
                : Stream.concat(Stream.of("--spring.config.name=" + CONFIG_NAME), Arrays.stream(given))
                        .toArray(String[]::new);
    }
}
