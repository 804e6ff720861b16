package org.mltrading.query.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.SecurityFilterChain;
import org.mltrading.query.access.AccessAuditRecorder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's stateless JWT chain. It is ordered before the UI's session/OAuth2-login chain
 * (VaadinWebSecurity matches everything) and only matches the API paths, so the two coexist on one
 * server: health status is anonymous (its components and metrics only in the local profile), /graphql needs a bearer token, /subscriptions authenticates the token
 * of the graphql-transport-ws connection_init message (browsers cannot set headers on a WebSocket).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    /** An API answer is JSON: it loads nothing, is framed nowhere and submits nothing. */
    public static final String API_CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Powerful browser features no page of the platform uses. */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder,
            JwtAuthenticationConverter apiJwtAuthenticationConverter,
            @Value("${platform.api.max-request-bytes}") long maxRequestBytes,
            @Value("${platform.api.rate-limit.per-second}") long ratePerSecond,
            @Value("${platform.api.rate-limit.burst}") long rateBurst,
            @Value("${platform.api.allowed-origins}") java.util.Set<String> allowedOrigins,
            @Value("${platform.api.anonymous-metrics}") boolean anonymousMetrics,
            AccessAuditRecorder audit) throws Exception {
        // 401 for a missing or invalid token, with the RFC 6750 WWW-Authenticate challenge; the reason goes
        // to the access audit (never the token). A status, not sendError: no error dispatch.
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            request.setAttribute(DeniedRequestAuditFilter.REASON, exception.getMessage());
            bearer.commence(request, response, exception);
        };
        http.securityMatcher("/graphql", "/graphql/**", "/subscriptions", "/subscriptions/**", "/actuator/**")
                .authorizeHttpRequests(auth -> {
                    // the status alone ({"status":"UP"}) is for everyone: load balancers and ops/run wait for it.
                    // Component names and details (show-components/-details: when-authorized) and metrics
                    // need a token, except in the local profile (issue 14, finding 7)
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    if (anonymousMetrics) {
                        auth.requestMatchers("/actuator/prometheus").permitAll();
                    } else {
                        auth.requestMatchers("/actuator/prometheus").authenticated(); // scrapers send a token
                    }
                    auth.requestMatchers("/subscriptions", "/subscriptions/**").permitAll()
                            .requestMatchers("/actuator/**").hasRole("ADMIN")
                            .anyRequest().authenticated();
                })
                // JSON only: nothing may load, frame or submit from an API answer. HSTS stays Spring's
                // default, written on secure (TLS, or X-Forwarded-Proto https from a trusted proxy) requests only
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: CSRF cannot apply
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(apiJwtAuthenticationConverter))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized))
                // every refusal below (401, 403, 413, 429) is recorded in the access audit
                .addFilterBefore(new DeniedRequestAuditFilter(audit), BearerTokenAuthenticationFilter.class)
                // cheap refusals first: oversized bodies and foreign browser origins before any token work
                .addFilterBefore(new RequestSizeLimitFilter(maxRequestBytes), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new WebSocketOriginFilter(allowedOrigins), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(ratePerSecond, rateBurst), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Keys are fetched lazily from the auth server's JWKS, so the platform starts even while the auth
     * server is still starting; the issuer is checked on every token.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${platform.auth.jwk-set-uri}") String jwkSetUri,
                          @Value("${platform.auth.issuer}") String issuer,
                          @Value("${platform.auth.audience}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        // issuer, expiry and audience: a token our auth server issued for another API is not ours to accept
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<java.util.List<String>>("aud",
                        aud -> aud != null && aud.contains(audience))));
        return new CachingJwtDecoder(decoder, 10_000, java.time.Clock.systemUTC());
    }

    /** One mapping of the {@code roles} claim, shared by the HTTP chain and the WebSocket interceptor. */
    @Bean
    JwtAuthenticationConverter apiJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return converter;
    }
}
