package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;

class AuthServerLauncherIT {

    @TempDir static Path dataDir;
    static RunningAuthServer server;

    @BeforeAll
    static void start() {
        // no profile: the production shape
        server = RunningAuthServer.start(dataDir, "--AUTH_ISSUER=https://auth.example.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void launcher_starts_on_an_ephemeral_port_and_answers_health_anonymously() {
        assertThat(server.baseUrl).doesNotEndWith(":9000");
        var health = server.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(RunningAuthServer.json(health).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void discovery_returns_the_configured_issuer_and_the_jwks_endpoint() {
        var discovery = server.get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        var document = RunningAuthServer.json(discovery);
        assertThat(document.path("issuer").asText()).isEqualTo("https://auth.example.test");
        assertThat(document.path("jwks_uri").asText()).isEqualTo("https://auth.example.test/oauth2/jwks");
        assertThat(document.path("userinfo_endpoint").asText()).endsWith("/userinfo");
    }

    @Test
    void launcher_reads_its_own_config_file_not_the_platform_application_yml() {
        // src/test/resources/application.yml sets a poisoned value the auth server must never see
        assertThat(server.context.getEnvironment().getProperty("platform.poisoned")).isNull();
        assertThat(server.context.getEnvironment().getProperty("server.servlet.session.cookie.name"))
                .isEqualTo("AUTHSESSION");
    }

    @Test
    void launcher_auto_configures_only_its_allow_list() {
        Set<String> allowed =
                Arrays.stream(AuthServerLauncher.class.getAnnotation(ImportAutoConfiguration.class).value())
                        .map(Class::getName)
                        .collect(Collectors.toSet());
        Set<String> autoConfigured =
                Arrays.stream(server.context.getBeanFactory().getBeanDefinitionNames())
                        .map(name -> server.context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                        .filter(type -> type != null && type.endsWith("AutoConfiguration"))
                        .collect(Collectors.toSet());
        assertThat(autoConfigured).isNotEmpty().isSubsetOf(allowed);
    }

    @Test
    void without_the_local_profile_there_are_no_demo_clients() {
        var token = server.clientCredentials("demo-integrator", "demo-integrator-secret", "read trade");
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(RunningAuthServer.json(token).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void without_the_local_profile_there_are_no_demo_users() {
        assertThat(server.context.getBean(UserDetailsService.class))
                .satisfies(
                        users ->
                                org.assertj.core.api.Assertions.assertThatThrownBy(
                                        () -> users.loadUserByUsername("trader")));
    }

    @Test
    void a_protected_page_sends_browsers_to_the_login_form_and_api_clients_get_401() {
        var browser = server.get("/", "Accept", "text/html");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(server.get("/userinfo", "Accept", "application/json").statusCode()).isEqualTo(401);
    }
}
