package org.mltrading.auth.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.client.ClientRoles;
import org.mltrading.auth.token.PlatformTokens;
import org.mltrading.auth.user.PlatformUser;
import org.mltrading.auth.user.PlatformUserStore;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Which bearer tokens the admin API ({@code /admin/**}) accepts, and with which roles (issue 14).
 * <ul>
 *   <li>Only access tokens of this issuer meant for the platform: audience {@code platform-api} and a
 *       {@code client_id} claim. An ID token (audience = the UI's client id, no {@code client_id}) is
 *       refused with 401 however valid its signature.</li>
 *   <li>The principal is looked up on every request: a user must still exist and be enabled, a machine
 *       client must still be registered. Otherwise 401 ({@code invalid_token}), recorded in the access
 *       audit — a disabled administrator's unexpired token opens nothing, here or through the platform's
 *       GraphQL admin mutations (which forward the caller's token here).</li>
 *   <li>The roles are those of the token that the principal still has now (token ∩ store): a token
 *       never gains a role, and loses one the moment it is taken away.</li>
 * </ul>
 */
final class AdminTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final PlatformUserStore users;
    private final RegisteredClientRepository clients;
    private final AccessAuditLog audit;

    AdminTokens(PlatformUserStore users, RegisteredClientRepository clients, AccessAuditLog audit) {
        this.users = users;
        this.clients = clients;
        this.audit = audit;
    }

    /** The server's own decoder (signature, expiry) plus issuer, audience and access-token checks. */
    static JwtDecoder decoder(JwtDecoder signed, String issuer) {
        OAuth2TokenValidator<Jwt> issuedHere = new JwtIssuerValidator(issuer);
        return token -> {
            Jwt jwt = signed.decode(token);
            OAuth2TokenValidatorResult result = issuedHere.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("not issued by this server", result.getErrors());
            }
            List<String> audience = jwt.getAudience();
            if (audience == null || !audience.contains(PlatformTokens.PLATFORM_AUDIENCE)
                    || jwt.getClaimAsString(PlatformTokens.CLIENT_ID_CLAIM) == null) {
                OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "the admin API takes access tokens for " + PlatformTokens.PLATFORM_AUDIENCE + " only", null);
                throw new JwtValidationException(error.getDescription(), List.of(error));
            }
            return jwt;
        };
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        String clientId = jwt.getClaimAsString(PlatformTokens.CLIENT_ID_CLAIM);
        List<String> current;
        // a machine client's own token (client credentials): sub = client_id and no login method
        if (subject != null && subject.equals(clientId) && !jwt.hasClaim(PlatformTokens.AMR_CLAIM)) {
            RegisteredClient client = clients.findByClientId(clientId);
            if (client == null) {
                throw refused(subject, clientId, "the token's client is no longer registered");
            }
            current = ClientRoles.of(client);
        } else {
            PlatformUser user = subject == null ? null : users.find(subject).orElse(null);
            if (user == null || !user.enabled()) {
                throw refused(subject, clientId, "the token's user is unknown or disabled");
            }
            current = user.roles();
        }
        List<String> tokenRoles = jwt.getClaimAsStringList(PlatformTokens.ROLES_CLAIM);
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (tokenRoles != null) {
            tokenRoles.stream().filter(current::contains)
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return new JwtAuthenticationToken(jwt, authorities, subject);
    }

    private InvalidBearerTokenException refused(String subject, String clientId, String reason) {
        audit.record("ADMIN_TOKEN_REFUSED", "DENIED", subject, clientId, null, reason);
        return new InvalidBearerTokenException(reason);
    }
}
