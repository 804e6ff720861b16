package org.mltrading.auth.token;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import org.mltrading.auth.user.PlatformUser;
import org.mltrading.auth.user.PlatformUserStore;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * The OIDC userinfo response: {@code sub}, {@code preferred_username} and the user's current
 * {@code roles} from the user store — the one place a relying party (the UI) learns the roles now that
 * ID tokens carry none. Answered only for an enabled user: a disabled user's access token, still within
 * its minutes, gets {@code invalid_token} here, as at the admin API.
 */
@Component
public class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final PlatformUserStore users;

    UserInfoClaims(PlatformUserStore users) {
        this.users = users;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        String subject = context.getAuthorization().getPrincipalName();
        PlatformUser user = users.find(subject).filter(PlatformUser::enabled).orElseThrow(
                () -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "the token's user is unknown or disabled", null)));
        return new OidcUserInfo(Map.of(
                StandardClaimNames.SUB, user.username(),
                StandardClaimNames.PREFERRED_USERNAME, user.username(),
                PlatformTokens.ROLES_CLAIM, new ArrayList<>(user.roles().stream().sorted().toList())));
    }
}
