package org.mltrading.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A user's login as a browser does it, over plain HTTP: authorization code with PKCE (S256) for the
 * UI client, the login form, the TOTP step, the code exchange. Answers the token response.
 */
public final class UserLogin {

    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    /** The server accepts each TOTP step once per user: tests must never reuse one. */
    private static final Map<String, Long> usedSteps = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserLogin() {}

    private static final Pattern ENROLMENT_SECRET = Pattern.compile("id=\"secret\">([A-Z2-7]+)<");
    /** Secrets users enrolled with during the tests (users created by an admin enrol at first login). */
    private static final Map<String, String> ENROLLED = new ConcurrentHashMap<>();

    /** Tokens of a user with the demo TOTP secret, or the secret the user enrolled with in an earlier login. */
    public static JsonNode tokens(String authUrl, String platformUrl, String username, String password) {
        return tokens(authUrl, platformUrl, username, password, ENROLLED.getOrDefault(username, DEMO_TOTP_SECRET));
    }

    public static JsonNode tokens(String authUrl, String platformUrl, String username, String password, String totpSecret) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String redirectUri = platformUrl + "/login/oauth2/code/platform";
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String authorize = UriComponentsBuilder.fromUriString(authUrl + "/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", "platform-ui")
                .queryParam("scope", "openid profile read trade").queryParam("redirect_uri", redirectUri)
                .queryParam("state", "s").queryParam("nonce", "n")
                .queryParam("code_challenge", s256(verifier)).queryParam("code_challenge_method", "S256")
                .encode().toUriString();
        send(browser, get(authorize));
        var password302 = send(browser, form(authUrl + "/login", Map.of("username", username, "password", password,
                "_csrf", csrf(send(browser, get(authUrl + "/login"))))));
        expectRedirect(password302, "/mfa", "password step");
        var mfaPage = send(browser, get(authUrl + "/mfa"));
        Matcher enrolment = ENROLMENT_SECRET.matcher(mfaPage.body());
        String secret = enrolment.find() ? enrolment.group(1) : totpSecret; // first login: the secret of the QR code
        ENROLLED.put(username, secret);
        var code302 = send(browser, form(authUrl + "/mfa", Map.of("code", nextCode(username, secret),
                "_csrf", csrf(mfaPage))));
        String saved = expectRedirect(code302, "/oauth2/authorize", "TOTP step");
        String callback = expectRedirect(send(browser, get(saved)), "/login/oauth2/code/platform", "authorization");
        String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "platform-ui:platform-ui-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "code_verifier", verifier)))).build();
        var tokens = send(browser, exchange);
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("code exchange failed: " + tokens.body());
        }
        try {
            return JSON.readTree(tokens.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current code for {@code secret} at a time step this user has not logged in with yet. */
    public static String nextCode(String username, String secret) {
        long millis = System.currentTimeMillis();
        long now = millis / 30_000;
        long step = Math.max(now - 1, usedSteps.getOrDefault(username, Long.MIN_VALUE) + 1);
        if (step == now - 1 && millis % 30_000 > 20_000) {
            // the previous step's code stops being accepted at the next boundary, possibly before the
            // form is submitted: take the current step instead
            step = now;
        }
        while (step > now + 1) { // all three accepted steps used: wait for the next one
            sleep();
            now = System.currentTimeMillis() / 30_000;
        }
        usedSteps.put(username, step);
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expectRedirect(HttpResponse<String> response, String contained, String step) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains(contained)) {
            throw new IllegalStateException(step + " failed: " + response.statusCode() + " " + location + " " + response.body());
        }
        return location;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF field in " + page.statusCode() + " " + page.body());
        }
        return matcher.group(1);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
    }

    private static String encode(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
