package org.mltrading.query.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of the API, reduced to what authorisation and audit need.
 *
 * @param subject user name or OAuth2 client id ({@code sub} of the JWT)
 * @param roles   platform roles without the {@code ROLE_} prefix
 * @param scopes  OAuth2 scopes granted to the token
 * @param client  true when the caller is a machine client (client credentials), false for a user
 * @param mfa     true when the user authenticated with a second factor
 */
public record ApiPrincipal(String subject, Set<String> roles, Set<String> scopes, boolean client, boolean mfa) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public static ApiPrincipal current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static ApiPrincipal from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication instanceof JwtAuthenticationToken jwt)) {
            throw new ApiAccessDeniedException("authentication required");
        }
        Set<String> authorities = jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> roles = authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> scopes = authorities.stream().filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring(6))
                .collect(Collectors.toCollection(TreeSet::new));
        // a user token from the authorization-code flow carries the user's name in sub and an
        // azp/aud of the UI client; a client-credentials token has sub == client_id
        String clientId = jwt.getToken().getClaimAsString("client_id");
        boolean client = clientId != null && clientId.equals(jwt.getToken().getSubject())
                || roles.contains("INTEGRATOR");
        Object amr = jwt.getToken().getClaims().get("amr");
        boolean mfa = Boolean.TRUE.equals(jwt.getToken().getClaims().get("mfa"))
                || (amr instanceof java.util.Collection<?> methods && methods.contains("otp"));
        return new ApiPrincipal(jwt.getToken().getSubject(), roles, scopes, client, mfa);
    }
}
