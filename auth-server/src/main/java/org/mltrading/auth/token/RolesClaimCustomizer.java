package org.mltrading.auth.token;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.client.ClientRoles;
import org.mltrading.auth.login.PendingSecondFactor;
import org.mltrading.auth.signing.SigningKeys;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes every JWT the server signs: in access tokens {@code roles} (e.g. {@code ["TRADER"]}, no
 * {@code ROLE_} prefix — the platform authorises on this claim alone), the {@code platform-api} audience
 * and {@code client_id}; for users {@code amr}/{@code mfa} saying whether the login included the second
 * factor (trading refuses user tokens without it); and the active key's {@code kid}. Each issued access
 * token is recorded in the access audit.
 *
 * <p>ID tokens carry no roles (issue 14): an ID token lives in the browser, travels in the logout URL
 * and must never look like an authorisation. The UI reads the roles from the userinfo endpoint
 * ({@link UserInfoClaims}); see docs/adr/0008-identity-second-factor-and-access-audit.md.
 */
@Component
class RolesClaimCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String CLAIM = PlatformTokens.ROLES_CLAIM;
    /** The audience the platform's API requires in access tokens. */
    static final String PLATFORM_AUDIENCE = PlatformTokens.PLATFORM_AUDIENCE;
    private static final String ROLE_PREFIX = "ROLE_";

    private final SigningKeys signingKeys;
    private final AccessAuditLog audit;

    RolesClaimCustomizer(SigningKeys signingKeys, AccessAuditLog audit) {
        this.signingKeys = signingKeys;
        this.audit = audit;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        // several keys are published after a rotation: name the one that signs
        context.getJwsHeader().keyId(signingKeys.activeKeyId());
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        boolean clientCredentials = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        if (accessToken) {
            context.getClaims().claim(CLAIM, roles(context, clientCredentials));
        }
        if (!clientCredentials) {
            boolean otp = context.getPrincipal().getAuthorities().stream()
                    .anyMatch(authority -> PendingSecondFactor.OTP_FACTOR.equals(authority.getAuthority()));
            // ArrayList, not List.of: claims are stored with the authorization, and the store's Jackson
            // allow-list reads back only the usual collection types
            context.getClaims().claim(PlatformTokens.AMR_CLAIM, new ArrayList<>(otp ? List.of("pwd", "otp") : List.of("pwd")));
            context.getClaims().claim("mfa", otp);
        }
        if (accessToken) {
            // the platform API accepts only tokens meant for it (RFC 9068 style audience)
            context.getClaims().claims(claims -> {
                List<String> audience = new ArrayList<>();
                Object current = claims.get("aud");
                if (current instanceof java.util.Collection<?> values) {
                    values.forEach(value -> audience.add(String.valueOf(value)));
                } else if (current != null) {
                    audience.add(String.valueOf(current));
                }
                if (!audience.contains(PLATFORM_AUDIENCE)) {
                    audience.add(PLATFORM_AUDIENCE);
                }
                claims.put("aud", audience);
                // RFC 9068: who the token was issued to; equals sub for a machine client's own token
                claims.put(PlatformTokens.CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
            });
            audit.record("TOKEN_ISSUED", "SUCCESS", context.getPrincipal().getName(),
                    context.getRegisteredClient().getClientId(), null,
                    context.getAuthorizationGrantType().getValue() + " scopes=" + context.getAuthorizedScopes());
        }
    }

    private static List<String> roles(JwtEncodingContext context, boolean clientCredentials) {
        // with client credentials the principal is the client itself: its roles are a client setting
        if (clientCredentials) {
            return new ArrayList<>(ClientRoles.of(context.getRegisteredClient()));
        }
        return context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
