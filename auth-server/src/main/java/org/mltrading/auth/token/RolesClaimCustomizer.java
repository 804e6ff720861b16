package org.mltrading.auth.token;

import java.util.List;
import org.mltrading.auth.client.ClientRoles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds {@code roles} (e.g. {@code ["TRADER"]}, no {@code ROLE_} prefix) to access and ID tokens: the
 * platform authorises on this claim alone, for users and machine clients alike.
 */
@Component
class RolesClaimCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String CLAIM = "roles";
    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken || idToken) {
            context.getClaims().claim(CLAIM, roles(context));
        }
    }

    private static List<String> roles(JwtEncodingContext context) {
        // with client credentials the principal is the client itself: its roles are a client setting
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return ClientRoles.of(context.getRegisteredClient());
        }
        return context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
    }
}
