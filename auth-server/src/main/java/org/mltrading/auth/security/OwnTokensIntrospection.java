package org.mltrading.auth.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Token introspection answers only for the asking client's own tokens (issue 14): the library's
 * provider tells any authenticated client everything about any token (scopes, subject, expiry of a
 * trader's access and refresh tokens). A token issued to another client is reported
 * {@code {"active": false}}, exactly like an unknown one (RFC 7662 §4 allows refusing to disclose).
 */
final class OwnTokensIntrospection implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    OwnTokensIntrospection(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication result = delegate.authenticate(authentication);
        if (result instanceof OAuth2TokenIntrospectionAuthenticationToken introspected
                && introspected.getTokenClaims().isActive()
                && introspected.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
                && caller.getRegisteredClient() != null
                && !caller.getRegisteredClient().getClientId().equals(introspected.getTokenClaims().getClientId())) {
            return new OAuth2TokenIntrospectionAuthenticationToken(introspected.getToken(), caller,
                    OAuth2TokenIntrospection.builder().build());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
