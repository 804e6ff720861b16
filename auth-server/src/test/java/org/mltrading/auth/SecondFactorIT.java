package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP as the second factor of every browser login: replay, lockout, enrolment; PKCE rules. */
class SecondFactorIT {

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

    @Test
    void a_code_that_was_used_once_cannot_log_in_again() {
        var first = server.withFreshCookies();
        first.get(RunningAuthServer.authorizeRequest("replay-1")[1], "Accept", "text/html");
        first.submitPassword("risk", "risk-demo");
        String code = RunningAuthServer.nextCode("risk", RunningAuthServer.DEMO_TOTP_SECRET);
        var accepted = first.submitCode(code);
        assertThat(accepted.statusCode()).isEqualTo(302);

        var second = server.withFreshCookies();
        second.get(RunningAuthServer.authorizeRequest("replay-2")[1], "Accept", "text/html");
        second.submitPassword("risk", "risk-demo");
        var replayed = second.submitCode(code);

        assertThat(replayed.statusCode()).as("the form is shown again, with an error").isEqualTo(200);
        assertThat(replayed.body()).contains("already used");
        assertThat(second.get(RunningAuthServer.authorizeRequest("replay-3")[1], "Accept", "text/html")
                .headers().firstValue("Location").orElseThrow()).as("still not logged in").endsWith("/login");
    }

    @Test
    void five_wrong_codes_lock_the_user_who_then_cannot_log_in_even_with_the_right_password() {
        var browser = server.withFreshCookies();
        browser.submitPassword("compliance", "compliance-demo");
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            last = browser.submitCode(wrongCode());
        }
        assertThat(last.statusCode()).isEqualTo(302);
        assertThat(last.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");

        var again = server.withFreshCookies().submitPassword("compliance", "compliance-demo");
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
    }

    @Test
    void a_wrong_code_shows_the_form_again_with_an_error() {
        var browser = server.withFreshCookies();
        browser.submitPassword("trader", "trader-demo");
        var wrong = browser.submitCode(wrongCode());
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Wrong code").contains("autocomplete=\"one-time-code\"");
    }

    @Test
    void the_code_page_without_a_password_step_sends_back_to_the_login() {
        var response = server.withFreshCookies().get("/mfa", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void pkce_with_the_plain_method_is_refused() {
        String authorize = RunningAuthServer.authorizeRequest("plain")[1].replace("code_challenge_method=S256",
                "code_challenge_method=plain");
        var response = server.withFreshCookies().get(authorize, "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(RunningAuthServer.UI_REDIRECT).contains("error=invalid_request");
    }

    @Test
    void refresh_tokens_rotate_and_a_used_one_is_refused() {
        JsonNode tokens = server.userTokens("admin", "admin-demo");
        String refresh = tokens.path("refresh_token").asText();

        var refreshed = refresh(refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String rotated = RunningAuthServer.json(refreshed).path("refresh_token").asText();
        assertThat(rotated).isNotBlank().isNotEqualTo(refresh);
        assertThat(server.decode(RunningAuthServer.json(refreshed).path("access_token").asText())
                .getClaimAsBoolean("mfa")).as("a refreshed token keeps the factors of the login").isTrue();

        assertThat(refresh(refresh).statusCode()).as("the old refresh token is spent").isEqualTo(400);
    }

    @Test
    void a_user_created_by_an_admin_enrols_with_a_qr_code_at_first_login() {
        String admin = server.userTokens("admin", "admin-demo").path("access_token").asText();
        var created = server.postJson("/admin/users", admin,
                "{\"username\":\"analyst-7\",\"password\":\"correct horse battery\",\"roles\":[\"TRADER\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(RunningAuthServer.json(created).path("mfaEnrolled").asBoolean()).isFalse();

        var browser = server.withFreshCookies();
        browser.get(RunningAuthServer.authorizeRequest("enrol")[1], "Accept", "text/html");
        browser.submitPassword("analyst-7", "correct horse battery");
        var enrolment = browser.get("/mfa", "Accept", "text/html");
        assertThat(enrolment.body()).contains("class=\"qr\"").contains("src=\"data:image/png;base64,");
        Matcher secret = Pattern.compile("id=\"secret\">([A-Z2-7]+)<").matcher(enrolment.body());
        assertThat(secret.find()).isTrue();

        var enrolled = browser.postForm("/mfa", Map.of("code", RunningAuthServer.nextCode("analyst-7", secret.group(1)),
                "_csrf", RunningAuthServer.csrf(enrolment)), "Accept", "text/html");
        assertThat(enrolled.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorize");
        var users = server.getJson("/admin/users", admin);
        assertThat(users.body()).contains("\"username\":\"analyst-7\"");
        assertThat(RunningAuthServer.json(users).findValues("mfaEnrolled").stream().allMatch(JsonNode::asBoolean)).isTrue();
    }

    @Test
    void the_admin_api_refuses_non_admins_and_anonymous_callers() {
        String trader = server.userTokens("trader", "trader-demo").path("access_token").asText();
        assertThat(server.getJson("/admin/users", trader).statusCode()).isEqualTo(403);
        assertThat(server.get("/admin/users").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return server.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", RunningAuthServer.basic("platform-ui", "platform-ui-secret"));
    }

    /** A six-digit code that is none of the three currently accepted ones. */
    private static String wrongCode() {
        long now = System.currentTimeMillis() / 30_000;
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (long step = now - 1; step <= now + 2; step++) {
            valid.add(RunningAuthServer.codeAt(RunningAuthServer.DEMO_TOTP_SECRET, step));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
