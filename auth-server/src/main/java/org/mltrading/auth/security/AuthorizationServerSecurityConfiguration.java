package org.mltrading.auth.security;

import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.login.LoginHandlers;
import org.mltrading.auth.login.LoginThrottle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.mltrading.auth.token.UserInfoClaims;
import org.mltrading.auth.user.PlatformUserStore;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the admin API (access tokens for the platform with role ADMIN, of a user who
 * is still enabled — {@link AdminTokens}), the protocol endpoints (token,
 * authorize, OIDC, JWKS — Spring Authorization Server decides which are public) and the login pages
 * (password, then the second factor at {@code /mfa}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity // explicit: the all-in-one allow-list must not depend on Boot enabling it
@EnableConfigurationProperties(IssuerProperties.class)
class AuthorizationServerSecurityConfiguration {

    /**
     * The login and second-factor pages: their own inline styles and the QR code (a data: image), no
     * scripts, never framed (clickjacking of the login). No form-action: the login's POST is answered
     * with redirects on to the registered clients, which browsers hold to form-action too.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()";

    /**
     * Security headers of every answer (issue 14, "also"). HSTS stays Spring's default: written on
     * secure (TLS) requests only, so plain-HTTP local runs are never pinned to HTTPS.
     */
    static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
    }

    @Bean
    @Order(0)
    SecurityFilterChain adminApiSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, IssuerProperties issuer,
            PlatformUserStore users, RegisteredClientRepository clients, AccessAuditLog audit) throws Exception {
        // access tokens for the platform only, and the principal re-checked on every request (AdminTokens)
        JwtDecoder adminDecoder = AdminTokens.decoder(jwtDecoder, issuer.issuer());
        AdminTokens converter = new AdminTokens(users, clients, audit);
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(adminDecoder).jwtAuthenticationConverter(converter))
                        // 401 with the RFC 6750 challenge (WWW-Authenticate: Bearer …)
                        .authenticationEntryPoint(new org.springframework.security.oauth2.server.resource.web
                                .BearerTokenAuthenticationEntryPoint()));
        securityHeaders(http);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, AccessAuditLog audit,
            UserInfoClaims userInfoClaims) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer =
                OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        // roles reach the UI through userinfo, never through the ID token (issue 14)
                        .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(userInfoClaims)))
                        // a client introspects its own tokens only
                        .tokenIntrospectionEndpoint(introspection -> introspection.authenticationProviders(providers ->
                                providers.replaceAll(provider -> provider.supports(OAuth2TokenIntrospectionAuthenticationToken.class)
                                        ? new OwnTokensIntrospection(provider) : provider)))
                        // failed client authentications (wrong secret, unknown client) go to the access audit
                        .clientAuthentication(clients -> clients.errorResponseHandler((request, response, exception) -> {
                            String error = exception instanceof OAuth2AuthenticationException oauth
                                    ? oauth.getError().getErrorCode() : exception.getMessage();
                            audit.record("CLIENT_AUTHENTICATION_FAILED", "FAILURE", clientIdOf(request), clientIdOf(request),
                                    request.getRemoteAddr(), error + " at " + request.getRequestURI());
                            writeClientError(response, exception);
                        })))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // browsers hitting /oauth2/authorize unauthenticated go to the login form; API clients get 401
                .exceptionHandling(
                        exceptions ->
                                exceptions.defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"),
                                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // the OIDC userinfo endpoint is called with our own access tokens
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        securityHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http, LoginHandlers loginHandlers, LoginThrottle throttle)
            throws Exception {
        // a source that must wait is refused before its password is even checked
        http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(
                        authorize ->
                                authorize
                                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login", "/mfa")
                                        .permitAll()
                                        .anyRequest()
                                        .authenticated())
                // the password step; success leads to the second factor (/mfa), not into the session
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginHandlers)
                        .failureHandler(loginHandlers)
                        .permitAll());
        securityHeaders(http);
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /** Accepts any {@code {id}hash} the configuration supplies; encodes new secrets with bcrypt. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** As the library's own handler: 401 for a failed client authentication (RFC 6749 §5.2). */
    private static void writeClientError(jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException exception) throws java.io.IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
        new OAuth2ErrorHttpMessageConverter().write(error, null, http);
    }

    private static String clientIdOf(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return java.net.URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "(malformed Basic header)";
            }
        }
        return request.getParameter("client_id");
    }
}
