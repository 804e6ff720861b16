package org.mltrading.ui.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Browser security of the UI: OAuth2 login (authorization code + PKCE) against the auth server,
 * roles from the {@code roles} claim, logout.
 *
 * <p>The platform also hosts the GraphQL API, whose stateless JWT chain ({@code @Order(1)}, owned
 * by query-side) serves {@link #API_PATHS}. This chain keeps the default (lowest) order and
 * additionally refuses to match those paths, so a session-based login can never be applied to
 * API calls, whatever order the chains end up in.
 *
 * <p>{@code VaadinWebSecurity} is deprecated since Vaadin 24.9 in favour of
 * {@code VaadinSecurityConfigurer}; it is still supported in 24.x and is the variant verified here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@SuppressWarnings("deprecation")
public class UiSecurityConfiguration extends VaadinWebSecurity {

    /** The client registration (spring.security.oauth2.client.registration.platform.*). */
    public static final String REGISTRATION_ID = "platform";
    static final String LOGIN_PAGE =
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION_ID;
    /** Paths of the GraphQL API and actuator: never handled by this (session, redirecting) chain. */
    public static final String[] API_PATHS = {"/graphql/**", "/subscriptions/**", "/actuator/**"};

    /** Where the auth server sends the browser after logout: must equal the registered URI exactly. */
    static final String POST_LOGOUT_REDIRECT_URI = "{baseUrl}/";

    /** Static files of the chart component (META-INF/resources/mlt-chart). */
    static final String CHART_MODULES = "/mlt-chart/**";

    /** Powerful browser features no page of the platform uses. */
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()";

    private final ClientRegistrationRepository clientRegistrations;
    private final String endSessionUri;

    public UiSecurityConfiguration(ClientRegistrationRepository clientRegistrations,
                                   @Value("${platform.ui.end-session-uri:}") String endSessionUri) {
        this.clientRegistrations = clientRegistrations;
        this.endSessionUri = endSessionUri;
    }

    /**
     * The UI's Content-Security-Policy (issue 14, "also"). Vaadin Flow needs inline and eval'd script
     * (its bootstrap page and {@code executeJs}) and inline styles (Lumo, component styles); everything
     * else is this origin only: the chart's ES modules, push over WebSocket (ws:/wss: for browsers whose
     * 'self' does not cover WebSocket), images as data:/blob: URLs. Never framed (clickjacking).
     * No form-action: the only form, the log-out POST, is answered with a chain of redirects through
     * the auth server (end session, back to the UI, on to the login), every step of which browsers hold
     * to form-action; listing them would tie the UI's policy to the identity provider's redirects.
     */
    static String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }


    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.securityMatcher(new NegatedRequestMatcher(apiPaths()));
        // the chart's static ES modules (element + lightweight-charts): public code, no user data
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(CHART_MODULES)).permitAll());
        super.configure(http);
        // HSTS stays Spring's default: written on secure (TLS) requests only
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        // after logout the browser comes back to the UI (and from there to the login). The auth server
        // compares it character by character with the client's registered post-logout redirect URI,
        // which ends with "/" (auth-server-local.yml): "{baseUrl}" alone would be refused.
        setOAuth2LoginPage(http, LOGIN_PAGE, POST_LOGOUT_REDIRECT_URI);
        http.oauth2Login(login -> login
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkceResolver()))
                // roles come from the signed ID token (the auth server puts the roles claim there)
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RoleClaimAuthoritiesMapper())));
    }

    /**
     * OIDC RP-initiated logout, so that "Log out" also ends the auth server's session (otherwise
     * the next visit would silently log the user in again). The explicit provider endpoints carry
     * no discovery metadata, so the end-session endpoint is added here from
     * {@code platform.ui.end-session-uri}; empty = log out of the UI only.
     */
    @Override
    protected LogoutSuccessHandler oidcLogoutSuccessHandler(String postLogoutRedirectUri) {
        if (!StringUtils.hasText(endSessionUri)) {
            return super.oidcLogoutSuccessHandler(postLogoutRedirectUri);
        }
        ClientRegistrationRepository withEndSession = registrationId -> {
            ClientRegistration registration = clientRegistrations.findByRegistrationId(registrationId);
            if (registration == null) {
                return null;
            }
            Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
            metadata.putIfAbsent("end_session_endpoint", endSessionUri);
            return ClientRegistration.withClientRegistration(registration)
                    .providerConfigurationMetadata(metadata)
                    .build();
        };
        var handler = new OidcClientInitiatedLogoutSuccessHandler(withEndSession);
        // "Log out" runs inside a Vaadin UIDL request (an XHR): a plain 302 to the auth server made the
        // XHR follow it cross-origin, which the browser refused (CORS) while the page stayed logged in.
        // Vaadin's strategy turns the redirect into a top-level navigation (Page.setLocation) there,
        // and is a normal 302 for ordinary requests. Vaadin's own default handler does the same.
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        handler.setPostLogoutRedirectUri(postLogoutRedirectUri);
        return handler;
    }

    static RequestMatcher apiPaths() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[API_PATHS.length];
        for (int i = 0; i < API_PATHS.length; i++) {
            matchers[i] = paths.matcher(API_PATHS[i]);
        }
        return new OrRequestMatcher(matchers);
    }

    /** The auth server requires PKCE also from this confidential client. */
    private DefaultOAuth2AuthorizationRequestResolver pkceResolver() {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(clientRegistrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }
}
