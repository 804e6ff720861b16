package org.mltrading.auth.client;

import java.time.Instant;
import java.util.ArrayList;
import org.mltrading.auth.secret.Secrets;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientConfiguration {

    /**
     * Writes the configured clients into the auth store on every start, so redirect URIs follow the
     * configured ports; a secret rotated through the admin API is kept (the store owns it from then on).
     * Clients created through the admin API are not in the configuration and are never touched.
     */
    @Bean
    InitializingBean configuredClients(ClientProperties properties, RegisteredClientRepository repository,
            PasswordEncoder encoder) {
        return () -> properties.clients().forEach(client -> {
            RegisteredClient stored = repository.findByClientId(client.clientId());
            RegisteredClient configured = toRegisteredClient(client, encoder, stored);
            repository.save(configured);
        });
    }

    static RegisteredClient toRegisteredClient(ClientProperties.Client client, PasswordEncoder encoder,
            RegisteredClient stored) {
        TokenSettings.Builder tokens = TokenSettings.builder().reuseRefreshTokens(false); // rotate refresh tokens
        if (client.accessTokenTimeToLive() != null) {
            tokens.accessTokenTimeToLive(client.accessTokenTimeToLive());
        }
        boolean rotated = stored != null && stored.getClientSettings().getSetting(ClientRoles.SECRET_ROTATED_AT) != null;
        String secret = rotated ? stored.getClientSecret() : Secrets.encodedForStorage(encoder, client.secret());
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(client.requireProofKey())
                .requireAuthorizationConsent(client.requireConsent())
                .setting(ClientRoles.SETTING, new ArrayList<>(client.roles())); // a type the store's Jackson allow-list reads back
        if (rotated) {
            settings.setting(ClientRoles.SECRET_ROTATED_AT,
                    stored.getClientSettings().getSetting(ClientRoles.SECRET_ROTATED_AT));
        }
        // the client id doubles as the registration id: stable across restarts, readable in logs
        return RegisteredClient.withId(stored == null ? client.clientId() : stored.getId())
                .clientId(client.clientId())
                .clientIdIssuedAt(stored == null ? Instant.now() : stored.getClientIdIssuedAt())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantTypes(
                        grants -> client.grantTypes().forEach(g -> grants.add(new AuthorizationGrantType(g))))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .clientSettings(settings.build())
                .tokenSettings(tokens.build())
                .build();
    }
}
