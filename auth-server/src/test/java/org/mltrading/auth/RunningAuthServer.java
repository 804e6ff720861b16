package org.mltrading.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** An auth server started through {@link AuthServerLauncher} on an ephemeral port, plus an HTTP client. */
final class RunningAuthServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext context;
    final String baseUrl;
    final HttpClient http;

    private RunningAuthServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://localhost:" + port;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    static RunningAuthServer start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--PLATFORM_DATA_DIR=" + dataDir,
                // no MongoDB here: the access audit goes to the log only
                "--platform.auth.audit.mongo-uri="));
        args.addAll(List.of(extraArgs));
        return new RunningAuthServer(AuthServerLauncher.start(args.toArray(String[]::new)));
    }

    static RunningAuthServer startLocal(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local"));
        args.addAll(List.of(extraArgs));
        return start(dataDir, args.toArray(String[]::new));
    }

    /** Same server, a client with an empty cookie jar (a second browser); don't close it. */
    RunningAuthServer withFreshCookies() {
        return new RunningAuthServer(context);
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String bearer, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> putJson(String path, String bearer, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> getJson(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build());
    }

    HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        return postForm(
                "/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization",
                basic(clientId, secret));
    }

    static final String UI_REDIRECT = "http://localhost:8080/login/oauth2/code/platform";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    /** Last TOTP step each user logged in with: the server refuses a step twice, so tests never reuse one. */
    private static final Map<String, Long> usedSteps = new java.util.concurrent.ConcurrentHashMap<>();

    static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in " + page.body());
        }
        return matcher.group(1);
    }

    /** The current code for {@code secret} at a time step this user has not logged in with yet. */
    static String nextCode(String username, String secret) {
        long millis = System.currentTimeMillis();
        long now = millis / 30_000;
        long step = Math.max(now - 1, usedSteps.getOrDefault(username, Long.MIN_VALUE) + 1);
        if (step == now - 1 && millis % 30_000 > 20_000) {
            step = now; // the previous step's code expires at the next boundary, maybe before the submit
        }
        while (step > now + 1) { // all three accepted steps used: wait for the next window
            sleep(1_000);
            now = System.currentTimeMillis() / 30_000;
        }
        usedSteps.put(username, step);
        return codeAt(secret, step);
    }

    static String codeAt(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an authorization-code + PKCE request; answers the PKCE verifier and the authorize URL. */
    static String[] authorizeRequest(String state) {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new java.security.SecureRandom().generateSeed(32));
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String authorize = org.springframework.web.util.UriComponentsBuilder.fromPath("/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", "platform-ui")
                .queryParam("scope", "openid profile read trade")
                .queryParam("redirect_uri", UI_REDIRECT)
                .queryParam("state", state)
                .queryParam("nonce", "nonce-" + state)
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .encode()
                .toUriString();
        return new String[] {verifier, authorize};
    }

    /** Password step: answers the response to the login form POST. */
    HttpResponse<String> submitPassword(String username, String password) {
        var loginPage = get("/login", "Accept", "text/html");
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf(loginPage)),
                "Accept", "text/html");
    }

    /** Second-factor step: answers the response to the code form POST. */
    HttpResponse<String> submitCode(String code) {
        var mfaPage = get("/mfa", "Accept", "text/html");
        return postForm("/mfa", Map.of("code", code, "_csrf", csrf(mfaPage)), "Accept", "text/html");
    }

    /**
     * The whole browser login of a user with the demo TOTP secret, in a fresh cookie jar, ending with
     * the token response of the UI client.
     */
    JsonNode userTokens(String username, String password) {
        RunningAuthServer browser = withFreshCookies();
        String[] request = authorizeRequest(username);
        browser.get(request[1], "Accept", "text/html");
        var password302 = browser.submitPassword(username, password);
        if (!password302.headers().firstValue("Location").orElse("").endsWith("/mfa")) {
            throw new AssertionError("password step did not lead to /mfa: " + password302.headers().map());
        }
        var code302 = browser.submitCode(nextCode(username, DEMO_TOTP_SECRET));
        String saved = code302.headers().firstValue("Location").orElseThrow(() -> new AssertionError("code refused: " + code302.body()));
        var toClient = browser.get(saved, "Accept", "text/html");
        String callback = toClient.headers().firstValue("Location").orElseThrow();
        String code = org.springframework.web.util.UriComponentsBuilder.fromUriString(callback).build()
                .getQueryParams().getFirst("code");
        var tokens = postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", UI_REDIRECT, "code_verifier", request[0]), "Authorization", basic("platform-ui", "platform-ui-secret"));
        if (tokens.statusCode() != 200) {
            throw new AssertionError("token exchange failed: " + tokens.body());
        }
        return json(tokens);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Decodes and verifies a token against this server's published JWK set. */
    Jwt decode(String token) {
        return NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build().decode(token);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
