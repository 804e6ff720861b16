package org.mltrading.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.auth.client.ClientRoles;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class RolesClaimCustomizerTest {

    final RolesClaimCustomizer customizer = new RolesClaimCustomizer();
    final RegisteredClient integrator =
            RegisteredClient.withId("demo-integrator")
                    .clientId("demo-integrator")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://localhost/cb")
                    .clientSettings(
                            ClientSettings.builder()
                                    .setting(ClientRoles.SETTING, List.of("INTEGRATOR"))
                                    .build())
                    .build();

    @Test
    void a_user_gets_the_role_names_of_their_authorities_without_the_prefix() {
        Authentication trader =
                UsernamePasswordAuthenticationToken.authenticated(
                        "trader", null, AuthorityUtils.createAuthorityList("ROLE_TRADER", "SCOPE_read"));

        var claims = customize(OAuth2TokenType.ACCESS_TOKEN, AuthorizationGrantType.AUTHORIZATION_CODE, trader);

        assertThat(claims.build().getClaimAsStringList("roles")).containsExactly("TRADER");
    }

    @Test
    void a_client_using_client_credentials_gets_the_roles_of_its_registration() {
        var client =
                new OAuth2ClientAuthenticationToken(integrator, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);

        var claims = customize(OAuth2TokenType.ACCESS_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS, client);

        assertThat(claims.build().getClaimAsStringList("roles")).containsExactly("INTEGRATOR");
    }

    @Test
    void the_id_token_carries_the_roles_too() {
        Authentication risk =
                UsernamePasswordAuthenticationToken.authenticated(
                        "risk", null, AuthorityUtils.createAuthorityList("ROLE_RISK_OFFICER"));

        var claims =
                customize(new OAuth2TokenType("id_token"), AuthorizationGrantType.AUTHORIZATION_CODE, risk);

        assertThat(claims.build().getClaimAsStringList("roles")).containsExactly("RISK_OFFICER");
    }

    private JwtClaimsSet.Builder customize(
            OAuth2TokenType type, AuthorizationGrantType grant, Authentication principal) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(principal.getName());
        JwtEncodingContext context =
                JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                        .registeredClient(integrator)
                        .principal(principal)
                        .authorizationGrantType(grant)
                        .tokenType(type)
                        .build();
        customizer.customize(context);
        return claims;
    }
}
