package org.mltrading.auth.signing;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/** Replaces Boot's per-start generated key with the persisted JWK set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
        return new ImmutableJWKSet<>(JwkSetFile.loadOrCreate(properties.jwkSetFile()));
    }

    /** Validates our own access tokens at the OIDC userinfo endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
