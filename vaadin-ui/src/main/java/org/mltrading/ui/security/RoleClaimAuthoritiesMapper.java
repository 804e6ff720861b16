package org.mltrading.ui.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Adds {@code ROLE_<role>} for every entry of the {@code roles} claim found in the ID token, the
 * user-info response or (plain OAuth2) the user attributes; keeps the authorities it was given.
 */
final class RoleClaimAuthoritiesMapper implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                mapped.addAll(RoleClaims.authorities(oidc.getIdToken().getClaim(RoleClaims.CLAIM)));
                if (oidc.getUserInfo() != null) {
                    mapped.addAll(RoleClaims.authorities(oidc.getUserInfo().getClaim(RoleClaims.CLAIM)));
                }
            } else if (authority instanceof OAuth2UserAuthority oauth2) {
                mapped.addAll(RoleClaims.authorities(oauth2.getAttributes().get(RoleClaims.CLAIM)));
            }
        }
        return mapped;
    }
}
