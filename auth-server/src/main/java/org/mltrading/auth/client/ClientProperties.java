package org.mltrading.auth.client;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OAuth2 clients ({@code platform.auth.clients}); all authenticate with {@code client_secret_basic}.
 * Empty unless a profile or the deployment supplies them.
 */
@ConfigurationProperties("platform.auth")
public record ClientProperties(List<Client> clients) {

    public ClientProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param secret {@code {bcrypt}…} (or any {@code {id}hash}); a raw value is encoded at start
     * @param grantTypes e.g. {@code client_credentials}, {@code authorization_code}, {@code refresh_token}
     * @param roles roles the client acts with (client credentials), without {@code ROLE_}
     * @param requireProofKey PKCE for the authorization-code grant
     * @param requireConsent show the consent page after login
     * @param accessTokenTimeToLive {@code null}: Spring Authorization Server's default (5 minutes)
     */
    public record Client(
            String clientId,
            String secret,
            List<String> grantTypes,
            List<String> scopes,
            List<String> roles,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            boolean requireProofKey,
            boolean requireConsent,
            Duration accessTokenTimeToLive) {

        public Client {
            grantTypes = orEmpty(grantTypes);
            scopes = orEmpty(scopes);
            roles = orEmpty(roles);
            redirectUris = orEmpty(redirectUris);
            postLogoutRedirectUris = orEmpty(postLogoutRedirectUris);
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : List.copyOf(values);
        }
    }
}
