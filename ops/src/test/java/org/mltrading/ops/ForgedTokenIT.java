package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * Tokens an attacker could present: unsigned (alg none), signed by a foreign key that claims the real
 * kid, expired, or from another issuer. Each gets 401; the genuine token still works; an integrator
 * cannot read an account it is not entitled to.
 */
class ForgedTokenIT {

    private static RunningPlatform platform;
    private static String realKid;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.shared();
        String jwks = platform.send(HttpRequest.newBuilder(URI.create(platform.authUrl() + "/oauth2/jwks")).build()).body();
        realKid = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().get(0).getKeyID();
    }

    @Test
    void an_unsigned_token_is_refused() {
        String token = new PlainJWT(claims(platform.authUrl(), Instant.now().plusSeconds(300))).serialize();
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void a_token_signed_by_a_foreign_key_with_the_real_kid_is_refused() throws Exception {
        assertThat(status(signed(platform.authUrl(), Instant.now().plusSeconds(300)))).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        assertThat(status(signed(platform.authUrl(), Instant.now().minusSeconds(600)))).isEqualTo(401);
    }

    @Test
    void a_token_of_another_issuer_is_refused() throws Exception {
        assertThat(status(signed("https://evil.example", Instant.now().plusSeconds(300)))).isEqualTo(401);
    }

    @Test
    void the_genuine_token_works_and_cannot_read_an_account_it_is_not_entitled_to() {
        String token = platform.integratorToken();
        assertThat(status(token)).isEqualTo(200);
        var answer = platform.graphql(token, "{ account(id: \"demo-account-2\") { id cash } }", null);
        assertThat(answer.data().get("account").isNull()).isTrue();
        assertThat(platform.graphql(token, "{ orders(accountId: \"demo-account-2\") { edges { node { id } } } }", null)
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    private static int status(String token) {
        return platform.graphql(token, "{ me { subject } }", null).status();
    }

    private static String signed(String issuer, Instant expiry) throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(realKid).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realKid).type(JOSEObjectType.JWT).build(),
                claims(issuer, expiry));
        jwt.sign(new RSASSASigner(foreign));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("demo-integrator")
                .claim("client_id", "demo-integrator").claim("roles", List.of("INTEGRATOR"))
                .claim("scope", "read trade").issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry)).build();
    }

}
