package org.mltrading.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RoleClaimsTest {

    @Test
    void roles_of_the_id_token_become_role_authorities_and_others_are_kept() {
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "trader", "roles", List.of("TRADER", "ADMIN")));
        var given = List.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("SCOPE_read"));

        var mapped = AuthorityUtils.authorityListToSet(new RoleClaimAuthoritiesMapper().mapAuthorities(given));

        assertThat(mapped).contains("ROLE_TRADER", "ROLE_ADMIN", "SCOPE_read");
    }
}
