package org.mltrading.ui.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The logged-in user's access token for calling the GraphQL API, refreshed when it has expired.
 *
 * <p>Works from the authorized-client <em>service</em> (where OAuth2 login stored the tokens,
 * keyed by principal name) rather than from the HTTP session, so it also works outside a request,
 * e.g. when a subscription reconnects on a Reactor thread. The manager is private on purpose: a
 * public {@code OAuth2AuthorizedClientManager} bean could clash with other modules' clients.
 */
@Component
public class AccessTokens {

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public AccessTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients) {
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
    }

    /** The current thread's user (Vaadin request threads carry Spring Security's context). */
    public static Authentication currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            throw new NotLoggedInException();
        }
        return user;
    }

    /** A valid access token of {@code user}; refreshes it (refresh token) when it has expired. */
    public String accessToken(Authentication user) {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(UiSecurityConfiguration.REGISTRATION_ID)
                    .principal(user)
                    .build());
        } catch (RuntimeException refreshFailed) {
            throw new NotLoggedInException(refreshFailed);
        }
        if (client == null) {
            throw new NotLoggedInException();
        }
        return client.getAccessToken().getTokenValue();
    }

    /** The user has no (longer a) usable token: the UI must send them through the login again. */
    public static class NotLoggedInException extends RuntimeException {
        NotLoggedInException() {
            super("Your session has no valid sign-in any more. Please log in again.");
        }

        NotLoggedInException(Throwable cause) {
            super("Your sign-in could not be renewed. Please log in again.", cause);
        }
    }
}
