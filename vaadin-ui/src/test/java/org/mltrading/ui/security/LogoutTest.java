package org.mltrading.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.MappingMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * "Log out" is clicked in a Vaadin UIDL request (an XHR). The RP-initiated logout must reach the
 * auth server as a top-level navigation, never as a 302 that the XHR follows cross-origin (which
 * the browser refused with a CORS error, leaving the user logged in at the auth server).
 */
class LogoutTest {

    private static final String END_SESSION = "http://localhost:9000/connect/logout";

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    @Test
    void logout_from_the_ui_navigates_the_whole_page_to_the_auth_servers_end_session_endpoint() throws Exception {
        var registration = ClientRegistration.withRegistrationId(UiSecurityConfiguration.REGISTRATION_ID)
                .clientId("platform-ui").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://localhost:9000/oauth2/authorize").tokenUri("http://localhost:9000/oauth2/token")
                .build();
        var configuration = new UiSecurityConfiguration(new InMemoryClientRegistrationRepository(registration), END_SESSION);
        var handler = configuration.oidcLogoutSuccessHandler(UiSecurityConfiguration.POST_LOGOUT_REDIRECT_URI);
        var idToken = new OidcIdToken("id-token-of-trader", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", "trader"));
        var trader = new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_TRADER")),
                idToken), List.of(new SimpleGrantedAuthority("ROLE_TRADER")), UiSecurityConfiguration.REGISTRATION_ID);

        UI ui = new UI();
        ui.getInternals().setSession(Mockito.mock(VaadinSession.class));
        UI.setCurrent(ui);
        MockHttpServletRequest uidl = new MockHttpServletRequest("POST", "/");
        uidl.setServerPort(8080);
        uidl.setParameter("v-r", "uidl");
        uidl.setHttpServletMapping(new MockHttpServletMapping("", "", "/*", MappingMatch.PATH));
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.onLogoutSuccess(uidl, response, trader);

        assertThat(response.getRedirectedUrl()).as("no 302 for the XHR to follow cross-origin").isNull();
        List<PendingJavaScriptInvocation> navigation = ui.getInternals().dumpPendingJavaScriptInvocations();
        assertThat(navigation).singleElement().satisfies(js -> assertThat(js.getInvocation().getParameters())
                .first().asString()
                .startsWith(END_SESSION + "?")
                .contains("id_token_hint=id-token-of-trader")
                .contains("post_logout_redirect_uri=http://localhost:8080/"));
    }

    @Test
    void log_out_posts_a_real_form_to_logout_with_the_csrf_token_instead_of_a_vaadin_round_trip() {
        UI ui = new UI();
        ui.getInternals().setSession(Mockito.mock(VaadinSession.class));
        MockHttpServletRequest current = new MockHttpServletRequest("POST", "/");
        current.setAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName(),
                new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
        com.vaadin.flow.internal.CurrentInstance.set(com.vaadin.flow.server.VaadinRequest.class,
                new com.vaadin.flow.server.VaadinServletRequest(current, null));
        try {
            Logout.submit(ui);
        } finally {
            com.vaadin.flow.internal.CurrentInstance.clearAll();
        }

        assertThat(ui.getInternals().dumpPendingJavaScriptInvocations()).singleElement().satisfies(js -> {
            assertThat(js.getInvocation().getExpression()).contains("f.method = 'POST'").contains("f.submit()");
            assertThat(js.getInvocation().getParameters()).containsExactly("logout", "_csrf", "token-1");
        });
    }
}
