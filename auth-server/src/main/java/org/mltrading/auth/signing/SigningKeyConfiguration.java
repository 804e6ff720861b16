package org.mltrading.auth.signing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/** Replaces Boot's per-start generated key with the persisted, rotatable JWK set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeyConfiguration {

    /** Also the server's one {@code JWKSource}: the JWKS endpoint and the token signer read it. */
    @Bean
    SigningKeys signingKeys(SigningKeyProperties properties) {
        return new SigningKeys(properties.jwkSetFile());
    }

    /** Validates our own access tokens at the OIDC userinfo endpoint and the admin API. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }
}
