package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 5: wrong passwords slow down their source instead of locking the user they name,
 * and unknown, disabled and wrong answer alike, after the same password-hash work.
 */
class LoginWithoutEnumerationIT {

    @TempDir Path dataDir;

    @Test
    void five_wrong_passwords_do_not_lock_the_user_out_they_make_the_source_wait() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(location(server.withFreshCookies().submitPassword("risk", "not-the-password")))
                        .endsWith("/login?error");
            }
            // the 6th wrong password from this source makes it wait 1 s; during the wait even the right one is refused alike
            assertThat(location(server.withFreshCookies().submitPassword("risk", "not-the-password"))).endsWith("/login?error");
            assertThat(location(server.withFreshCookies().submitPassword("risk", "risk-demo")))
                    .as("inside the source's wait").endsWith("/login?error");

            RunningAuthServer.sleep(1_200);
            assertThat(location(server.withFreshCookies().submitPassword("risk", "risk-demo")))
                    .as("the risk officer is not locked out").endsWith("/mfa");
            assertThat(location(server.withFreshCookies().submitPassword("risk", "not-the-password")))
                    .as("a right password cleared the source's count").endsWith("/login?error");
            assertThat(location(server.withFreshCookies().submitPassword("risk", "risk-demo"))).endsWith("/mfa");
        }
    }

    @Test
    void unknown_disabled_and_wrong_answer_alike_after_the_same_work() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir, "--platform.auth.max-failures=1000")) {
            String admin = server.userTokens("admin", "admin-demo").path("access_token").asText();
            assertThat(server.putJson("/admin/users/compliance/enabled", admin, "{\"enabled\":false}").statusCode())
                    .isEqualTo(200);
            server.withFreshCookies().submitPassword("trader", "warm-up"); // first hash of the JVM

            List<Long> wrong = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            List<Long> disabled = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                wrong.add(timed(server, "trader", "not-the-password"));
                unknown.add(timed(server, "nobody-" + round, "not-the-password"));
                disabled.add(timed(server, "compliance", "not-the-password"));
                disabled.add(timed(server, "compliance", "compliance-demo"));
            }
            long wrongMedian = median(wrong);
            assertThat(median(unknown)).as("unknown vs wrong (ms): " + unknown + " " + wrong).isGreaterThan(wrongMedian / 3);
            assertThat(median(disabled)).as("disabled vs wrong (ms): " + disabled + " " + wrong).isGreaterThan(wrongMedian / 3);
        }
    }

    /** Milliseconds of one password POST; asserts the one answer every refusal gets. */
    private static long timed(RunningAuthServer server, String username, String password) {
        RunningAuthServer browser = server.withFreshCookies();
        var page = browser.get("/login", "Accept", "text/html");
        String csrf = RunningAuthServer.csrf(page);
        long start = System.nanoTime();
        var response = browser.postForm("/login", java.util.Map.of("username", username, "password", password, "_csrf", csrf),
                "Accept", "text/html");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(location(response)).as(username).endsWith("/login?error");
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()));
    }
}
