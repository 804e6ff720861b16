package org.mltrading.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import org.mltrading.ui.graphql.GraphQlEndpoints;
import org.mltrading.uitestapp.UiTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The UI in a real servlet container, hosted by an application class outside org.mltrading.ui (as
 * in the platform): routes registered, production bundle served from the jar, OAuth2 login with
 * PKCE, API paths left to the API's own security chain, GraphQL URL derived from the actual port.
 */
@SpringBootTest(classes = UiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.ui.auth-issuer=http://auth.test:9000")
class UiApplicationIT {

    @LocalServerPort
    int port;
    @Autowired
    GraphQlEndpoints endpoints;
    @Autowired
    FilterChainProxy filterChains;
    @Autowired
    ServletContext servletContext;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_desk_is_registered_at_the_root_although_the_application_class_is_elsewhere() {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));

        assertThat(registry.getNavigationTarget("")).hasValueSatisfying(
                target -> assertThat(target.getName()).isEqualTo("org.mltrading.ui.desk.DeskView"));
        assertThat(registry.getNavigationTarget("orders")).hasValueSatisfying(
                target -> assertThat(target.getName()).isEqualTo("org.mltrading.ui.order.OrdersView"));
        assertThat(registry.getNavigationTarget("risk")).hasValueSatisfying(
                target -> assertThat(target.getName()).isEqualTo("org.mltrading.ui.risk.RiskView"));
    }

    @Test
    void a_page_of_another_role_is_answered_by_the_access_denied_view_inside_the_shell() {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));

        assertThat(registry.getErrorNavigationTarget(new com.vaadin.flow.router.AccessDeniedException()))
                .hasValueSatisfying(target -> assertThat(target.getNavigationTarget().getName())
                        .isEqualTo("org.mltrading.ui.shell.AccessDeniedView"));
    }

    @Test
    void the_favicon_is_served_to_anyone() throws Exception {
        HttpResponse<String> icon = get("/favicon.ico", "image/*");

        assertThat(icon.statusCode()).isEqualTo(200);
    }

    @Test
    void the_chart_element_and_the_library_unpacked_from_npm_are_served_as_static_modules() throws Exception {
        HttpResponse<String> element = get("/mlt-chart/candle-chart.js", "*/*");
        HttpResponse<String> library = get("/mlt-chart/lightweight-charts/lightweight-charts.standalone.production.mjs", "*/*");

        assertThat(element.statusCode()).isEqualTo(200);
        assertThat(element.body()).contains("customElements.define('mlt-candle-chart'");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("createChart", "CandlestickSeries");
        assertThat(new PathMatchingResourcePatternResolver()
                .getResource("classpath:META-INF/resources/mlt-chart/lightweight-charts/LICENSE").exists())
                .as("the library's licence travels with it").isTrue();
    }

    @Test
    void an_anonymous_browser_is_sent_to_the_oauth2_login() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/platform"));
    }

    @Test
    void the_login_redirects_to_the_auth_server_with_pkce_and_the_platform_scopes() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorization/platform", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith("http://auth.test:9000/oauth2/authorize?")
                .contains("client_id=platform-ui", "code_challenge=", "code_challenge_method=S256",
                        "scope=openid%20profile%20read%20trade",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/platform");
    }

    @Test
    void the_precompiled_production_bundle_is_served_without_a_frontend_build() throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath:META-INF/VAADIN/webapp/VAADIN/build/*.js");
        assertThat(scripts).isNotEmpty();

        HttpResponse<String> response = get("/VAADIN/build/" + scripts[0].getFilename(), "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void the_ui_security_chain_leaves_api_paths_to_the_api_chain() {
        List<SecurityFilterChain> chains = filterChains.getFilterChains();

        for (String path : List.of("/graphql", "/subscriptions", "/actuator/health")) {
            assertThat(chains).as(path).noneMatch(chain -> chain.matches(new MockHttpServletRequest("POST", path)));
        }
        assertThat(chains).anyMatch(chain -> chain.matches(new MockHttpServletRequest("GET", "/")));
    }

    @Test
    void the_graphql_url_defaults_to_this_servers_actual_port() {
        assertThat(endpoints.httpUrl()).isEqualTo(URI.create("http://localhost:" + port + "/graphql"));
        assertThat(endpoints.webSocketUrl()).isEqualTo(URI.create("ws://localhost:" + port + "/subscriptions"));
    }
}
