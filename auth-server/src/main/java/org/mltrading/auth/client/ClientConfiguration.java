package org.mltrading.auth.client;

import java.util.List;
import org.mltrading.auth.security.Secrets;
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

    @Bean
    RegisteredClientRepository registeredClientRepository(
            ClientProperties properties, PasswordEncoder encoder) {
        return new ConfiguredRegisteredClientRepository(
                properties.clients().stream().map(client -> toRegisteredClient(client, encoder)).toList());
    }

    static RegisteredClient toRegisteredClient(ClientProperties.Client client, PasswordEncoder encoder) {
        TokenSettings.Builder tokens = TokenSettings.builder();
        if (client.accessTokenTimeToLive() != null) {
            tokens.accessTokenTimeToLive(client.accessTokenTimeToLive());
        }
        // the client id doubles as the registration id: stable across restarts, readable in logs
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(Secrets.encodedForStorage(encoder, client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantTypes(
                        grants -> client.grantTypes().forEach(g -> grants.add(new AuthorizationGrantType(g))))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .clientSettings(
                        ClientSettings.builder()
                                .requireProofKey(client.requireProofKey())
                                .requireAuthorizationConsent(client.requireConsent())
                                .setting(ClientRoles.SETTING, List.copyOf(client.roles()))
                                .build())
                .tokenSettings(tokens.build())
                .build();
    }
}
