package org.mltrading.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.audit.AccessAuditProperties;
import org.mltrading.auth.signing.SigningKeys;
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

    @TempDir static Path keys;
    final SigningKeys signingKeys = new SigningKeys(keys.resolve("jwks.json"));
    final RolesClaimCustomizer customizer =
            new RolesClaimCustomizer(signingKeys, new AccessAuditLog(new AccessAuditProperties("", null)));
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
        assertThat(claims.build().getAudience()).contains("platform-api");
        assertThat(claims.build().getClaims()).doesNotContainKeys("amr", "mfa"); // a machine has no second factor
    }

    /** Issue 14: an ID token is no authorisation; the UI reads the roles from userinfo. */
    @Test
    void the_id_token_carries_no_roles_and_not_the_platform_audience() {
        Authentication risk =
                UsernamePasswordAuthenticationToken.authenticated(
                        "risk", null, AuthorityUtils.createAuthorityList("ROLE_RISK_OFFICER", "FACTOR_OTP"));

        var claims =
                customize(new OAuth2TokenType("id_token"), AuthorizationGrantType.AUTHORIZATION_CODE, risk).build();

        assertThat(claims.getClaims()).doesNotContainKeys("roles", "client_id");
        assertThat(claims.getAudience()).isNullOrEmpty();
        assertThat(claims.getClaimAsStringList("amr")).containsExactly("pwd", "otp");
    }

    @Test
    void a_user_who_gave_the_second_factor_gets_amr_otp_and_mfa_true() {
        Authentication trader =
                UsernamePasswordAuthenticationToken.authenticated(
                        "trader", null, AuthorityUtils.createAuthorityList("ROLE_TRADER", "FACTOR_OTP"));

        var claims = customize(OAuth2TokenType.ACCESS_TOKEN, AuthorizationGrantType.AUTHORIZATION_CODE, trader).build();

        assertThat(claims.getClaimAsStringList("amr")).containsExactly("pwd", "otp");
        assertThat(claims.getClaimAsBoolean("mfa")).isTrue();
        assertThat(claims.getClaimAsStringList("roles")).containsExactly("TRADER");
    }

    @Test
    void a_user_without_the_second_factor_gets_mfa_false() {
        Authentication trader =
                UsernamePasswordAuthenticationToken.authenticated(
                        "trader", null, AuthorityUtils.createAuthorityList("ROLE_TRADER"));

        var claims = customize(OAuth2TokenType.ACCESS_TOKEN, AuthorizationGrantType.AUTHORIZATION_CODE, trader).build();

        assertThat(claims.getClaimAsStringList("amr")).containsExactly("pwd");
        assertThat(claims.getClaimAsBoolean("mfa")).isFalse();
    }

    @Test
    void the_header_names_the_active_signing_key_also_after_a_rotation() {
        Authentication risk =
                UsernamePasswordAuthenticationToken.authenticated(
                        "risk", null, AuthorityUtils.createAuthorityList("ROLE_RISK_OFFICER"));
        String before = signingKeys.activeKeyId();
        String after = signingKeys.rotate();

        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
        customize(header, OAuth2TokenType.ACCESS_TOKEN, AuthorizationGrantType.AUTHORIZATION_CODE, risk);

        assertThat(after).isNotEqualTo(before);
        assertThat(header.build().getKeyId()).isEqualTo(after);
        assertThat(signingKeys.keyIds()).startsWith(after, before);
    }

    private JwtClaimsSet.Builder customize(
            OAuth2TokenType type, AuthorizationGrantType grant, Authentication principal) {
        return customize(JwsHeader.with(SignatureAlgorithm.RS256), type, grant, principal);
    }

    private JwtClaimsSet.Builder customize(JwsHeader.Builder header,
            OAuth2TokenType type, AuthorizationGrantType grant, Authentication principal) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(principal.getName());
        JwtEncodingContext context =
                JwtEncodingContext.with(header, claims)
                        .registeredClient(integrator)
                        .principal(principal)
                        .authorizationGrantType(grant)
                        .tokenType(type)
                        .build();
        customizer.customize(context);
        return claims;
    }
}
