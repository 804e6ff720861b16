package org.mltrading.ui.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The platform's {@code roles} claim (array of TRADER, RISK_OFFICER, …) as Spring authorities. */
final class RoleClaims {

    static final String CLAIM = "roles";
    private static final String ROLE_PREFIX = "ROLE_";

    private RoleClaims() {
    }

    /** {@code ["TRADER"]} → {@code ROLE_TRADER}; anything that is not a collection gives nothing. */
    static Set<GrantedAuthority> authorities(Object claimValue) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        if (claimValue instanceof Collection<?> roles) {
            for (Object role : roles) {
                if (role != null && !role.toString().isBlank()) {
                    String name = role.toString().trim();
                    authorities.add(new SimpleGrantedAuthority(
                            name.startsWith(ROLE_PREFIX) ? name : ROLE_PREFIX + name));
                }
            }
        }
        return authorities;
    }
}
