package org.mltrading.query.security;

import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mltrading.query.access.AccessAuditRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The API's filter chain with stand-in endpoints: who may read metrics in which profile (issue 14,
 * finding 7), the 401 challenge and the security headers (issue 14, "also").
 */
@SpringJUnitWebConfig(ApiSecurityConfigurationTest.Api.class)
@TestPropertySource(properties = {
        "platform.api.max-request-bytes=1048576", "platform.api.rate-limit.per-second=1000",
        "platform.api.rate-limit.burst=1000", "platform.api.allowed-origins=http://localhost:8080",
        "platform.api.anonymous-metrics=false", "platform.auth.issuer=http://localhost:9000",
        "platform.auth.jwk-set-uri=http://localhost:9000/oauth2/jwks", "platform.auth.audience=platform-api"})
class ApiSecurityConfigurationTest {

    @Autowired
    private WebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void outside_the_local_profile_metrics_need_a_token_and_health_stays_anonymous() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(jwt())).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void a_401_carries_the_bearer_challenge() throws Exception {
        mvc.perform(post("/graphql")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
    }

    @Test
    void answers_carry_the_security_headers_and_hsts_only_over_tls() throws Exception {
        mvc.perform(post("/graphql").with(jwt())).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ApiSecurityConfiguration.API_CONTENT_SECURITY_POLICY))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Permissions-Policy", ApiSecurityConfiguration.PERMISSIONS_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(post("/graphql").with(jwt()).secure(true)).andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=")));
    }

    /** The local profile (ops application-local.yml) opens the metrics to anonymous scrapers. */
    @Nested
    @TestPropertySource(properties = "platform.api.anonymous-metrics=true")
    class LocalProfile {

        @Autowired
        private WebApplicationContext localContext;

        @Test
        void metrics_are_anonymous() throws Exception {
            MockMvcBuilders.webAppContextSetup(localContext).apply(springSecurity()).build()
                    .perform(get("/actuator/prometheus")).andExpect(status().isOk());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    @Import({ApiSecurityConfiguration.class, Endpoints.class})
    static class Api {

        @Bean
        AccessAuditRecorder accessAuditRecorder() {
            return mock(AccessAuditRecorder.class);
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/actuator/prometheus")
        String prometheus() {
            return "jvm_info 1";
        }

        @GetMapping("/actuator/health")
        String health() {
            return "{\"status\":\"UP\"}";
        }

        @PostMapping("/graphql")
        String graphql() {
            return "{}";
        }
    }
}
