package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.util.UriComponentsBuilder;

/** The demo identities of the local profile, driven over real HTTP. */
class LocalProfileIT {

    static final String UI_REDIRECT = "http://localhost:8080/login/oauth2/code/platform";

    @TempDir static Path dataDir;
    static RunningAuthServer server;

    @BeforeAll
    static void start() {
        server = RunningAuthServer.startLocal(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} gets a JWT with roles [{2}] and scopes {3}")
    @CsvSource({
        "demo-integrator, demo-integrator-secret, INTEGRATOR,   read trade",
        "demo-compliance, demo-compliance-secret, COMPLIANCE,   read audit",
        "demo-risk,       demo-risk-secret,       RISK_OFFICER, read risk",
        "demo-admin,      demo-admin-secret,      ADMIN,        read admin"
    })
    void client_credentials_give_a_jwt_with_the_client_roles_and_scopes(
            String clientId, String secret, String role, String scopes) {
        var response = server.clientCredentials(clientId, secret, scopes);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = RunningAuthServer.json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        var jwt = server.decode(body.path("access_token").asText());
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsString("client_id")).as("RFC 9068: a machine's own token").isEqualTo(clientId);
        assertThat(jwt.getAudience()).contains("platform-api");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(jwt.getClaimAsStringList("scope"))
                .containsExactlyInAnyOrder(scopes.split(" "));
    }

    @Test
    void a_wrong_client_secret_is_refused_with_401() {
        var response = server.clientCredentials("demo-integrator", "not-the-secret", "read");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RunningAuthServer.json(response).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void a_client_cannot_ask_for_a_scope_it_was_not_given() {
        var response = server.clientCredentials("demo-risk", "demo-risk-secret", "trade");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningAuthServer.json(response).path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void trader_logs_in_through_authorization_code_with_pkce_and_gets_the_trader_role() throws Exception {
        String verifier = randomUrlSafe(32);
        String challenge =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize =
                UriComponentsBuilder.fromPath("/oauth2/authorize")
                        .queryParam("response_type", "code")
                        .queryParam("client_id", "platform-ui")
                        .queryParam("scope", "openid profile read trade")
                        .queryParam("redirect_uri", UI_REDIRECT)
                        .queryParam("state", "state-1")
                        .queryParam("nonce", "nonce-1")
                        .queryParam("code_challenge", challenge)
                        .queryParam("code_challenge_method", "S256")
                        .encode()
                        .toUriString();

        // 1. unauthenticated: sent to the login form, which carries a CSRF token
        var toLogin = server.get(authorize, "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        var loginPage = server.get("/login", "Accept", "text/html");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF field in the login page").isTrue();

        // 2. the password POST leads to the second factor, not yet into the session
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "trader");
        form.put("password", "trader-demo");
        form.put("_csrf", csrf.group(1));
        var passwordAccepted = server.postForm("/login", form, "Accept", "text/html");
        assertThat(passwordAccepted.statusCode()).isEqualTo(302);
        assertThat(passwordAccepted.headers().firstValue("Location").orElseThrow()).endsWith("/mfa");
        assertThat(server.get(authorize, "Accept", "text/html").headers().firstValue("Location").orElseThrow())
                .as("password alone does not authorize").endsWith("/login");

        // 2b. the code page asks for the TOTP code with the attributes password managers and phones use
        var mfaPage = server.get("/mfa", "Accept", "text/html");
        assertThat(mfaPage.statusCode()).isEqualTo(200);
        assertThat(mfaPage.body()).contains("id=\"code\"").contains("autocomplete=\"one-time-code\"");
        var loggedIn = server.postForm("/mfa",
                Map.of("code", RunningAuthServer.nextCode("trader", RunningAuthServer.DEMO_TOTP_SECRET),
                        "_csrf", RunningAuthServer.csrf(mfaPage)), "Accept", "text/html");
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        String savedRequest = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(savedRequest).contains("/oauth2/authorize");
        assertThat(server.http.cookieHandler().orElseThrow().get(URI.create(server.baseUrl), Map.of()).toString())
                .contains("AUTHSESSION");

        // 3. authorize again, now logged in and without consent: straight to the UI with a code
        var toClient = server.get(savedRequest, "Accept", "text/html");
        assertThat(toClient.statusCode()).isEqualTo(302);
        var callback =
                UriComponentsBuilder.fromUriString(toClient.headers().firstValue("Location").orElseThrow())
                        .build();
        assertThat(callback.toUriString()).startsWith(UI_REDIRECT);
        assertThat(callback.getQueryParams().getFirst("state")).isEqualTo("state-1");
        String code = callback.getQueryParams().getFirst("code");
        assertThat(code).isNotBlank();

        // 4. exchange the code, proving possession of the PKCE verifier
        var tokenResponse =
                server.postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", UI_REDIRECT,
                                "code_verifier", verifier),
                        "Authorization",
                        RunningAuthServer.basic("platform-ui", "platform-ui-secret"));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        var tokens = RunningAuthServer.json(tokenResponse);

        var accessToken = server.decode(tokens.path("access_token").asText());
        assertThat(accessToken.getSubject()).isEqualTo("trader");
        assertThat(accessToken.getClaimAsStringList("roles")).isEqualTo(List.of("TRADER"));
        assertThat(accessToken.getClaimAsStringList("scope"))
                .containsExactlyInAnyOrder("openid", "profile", "read", "trade");
        var idToken = server.decode(tokens.path("id_token").asText());
        // issue 14: roles only in the access token and at userinfo (step 5), never in the ID token
        assertThat(idToken.getClaims()).doesNotContainKey("roles");
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo("nonce-1");
        assertThat(accessToken.getClaimAsStringList("amr")).containsExactly("pwd", "otp");
        assertThat(accessToken.getClaimAsBoolean("mfa")).isTrue();
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();

        // 5. the access token is accepted at the OIDC userinfo endpoint
        var userinfo =
                server.get("/userinfo", "Authorization", "Bearer " + tokens.path("access_token").asText());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(RunningAuthServer.json(userinfo).path("sub").asText()).isEqualTo("trader");
        assertThat(RunningAuthServer.json(userinfo).path("roles").toString()).isEqualTo("[\"TRADER\"]");
    }

    @Test
    void the_ui_client_must_use_pkce() {
        String authorize =
                UriComponentsBuilder.fromPath("/oauth2/authorize")
                        .queryParam("response_type", "code")
                        .queryParam("client_id", "platform-ui")
                        .queryParam("scope", "openid read")
                        .queryParam("redirect_uri", UI_REDIRECT)
                        .encode()
                        .toUriString();
        var response = server.get(authorize, "Accept", "text/html");
        // without a code_challenge the request is answered with an error at the redirect URI
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(UI_REDIRECT)
                .contains("error=invalid_request");
    }

    @Test
    void a_wrong_password_does_not_log_in() {
        var client = server.withFreshCookies(); // not logged in
        var loginPage = client.get("/login", "Accept", "text/html");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        var response =
                client.postForm(
                        "/login",
                        Map.of("username", "trader", "password", "wrong", "_csrf", csrf.group(1)),
                        "Accept",
                        "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
