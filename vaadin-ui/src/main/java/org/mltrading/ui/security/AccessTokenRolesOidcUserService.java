package org.mltrading.ui.security;

import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Loads the OIDC user as usual and adds the roles of the access token's {@code roles} claim, for an
 * auth server that puts roles only into access tokens (the API authorises by that same claim).
 *
 * <p>The access token is read without checking its signature: it was just received by this server
 * directly from the auth server's token endpoint in the code exchange (the trust OIDC also grants
 * to ID tokens obtained that way), and it is only used to label the session, never to authorise
 * API calls (the API verifies it itself).
 */
final class AccessTokenRolesOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> roles = rolesOf(request.getAccessToken().getTokenValue());
        if (roles.isEmpty()) {
            return user;
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.addAll(roles);
        String nameAttribute = request.getClientRegistration().getProviderDetails()
                .getUserInfoEndpoint().getUserNameAttributeName();
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                StringUtils.hasText(nameAttribute) ? nameAttribute : "sub");
    }

    static Set<GrantedAuthority> rolesOf(String accessToken) {
        try {
            return RoleClaims.authorities(JWTParser.parse(accessToken).getJWTClaimsSet().getClaim(RoleClaims.CLAIM));
        } catch (ParseException notAJwt) {
            // opaque access token: roles can only come from the ID token / user info
            return Set.of();
        }
    }
}
