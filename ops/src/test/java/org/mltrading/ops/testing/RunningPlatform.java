package org.mltrading.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;

/**
 * The all-in-one platform for integration tests: started once per test JVM on ephemeral ports and a
 * temporary data directory (so tests run beside a running {@code ops/run}), closed at JVM exit.
 */
public final class RunningPlatform {

    private static RunningPlatform shared;

    private final PlatformSettings settings;
    private final AllInOne allInOne;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RunningPlatform(PlatformSettings settings, AllInOne allInOne) {
        this.settings = settings;
        this.allInOne = allInOne;
    }

    /** The platform shared by all tests of this JVM. */
    public static synchronized RunningPlatform shared() {
        if (shared == null) {
            try {
                PlatformSettings settings = settingsFor(Files.createTempDirectory("platform-it-"));
                shared = new RunningPlatform(settings, AllInOne.start(settings));
                Runtime.getRuntime().addShutdownHook(new Thread(shared.allInOne::close));
                shared.awaitHealthy(Duration.ofSeconds(90));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** An HTTP/GraphQL client for a platform started elsewhere (e.g. as a {@link PlatformProcess}). */
    public static RunningPlatform clientOnly(PlatformSettings settings) {
        return new RunningPlatform(settings, null);
    }

    /** Settings with free ports for every listener and the given data directory. */
    public static PlatformSettings settingsFor(Path dataDir) {
        Map<String, String> values = new HashMap<>();
        values.put("PLATFORM_DATA_DIR", dataDir.toString());
        // each port free when asked, and all different: the OS may hand the same free port out twice in a row
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (String name : new String[] {"PLATFORM_HTTP_PORT", "AUTH_HTTP_PORT", "PLATFORM_MONGO_PORT",
                "PLATFORM_QUESTDB_HTTP_PORT", "PLATFORM_QUESTDB_HEALTH_PORT", "PLATFORM_QUESTDB_PG_PORT",
                "PLATFORM_QUESTDB_ILP_PORT"}) {
            int port = freePort();
            while (!taken.add(port)) {
                port = freePort();
            }
            values.put(name, Integer.toString(port));
        }
        return PlatformSettings.from(values::get);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    public AllInOne allInOne() {
        return allInOne;
    }

    public String platformUrl() {
        return settings.platformUrl();
    }

    public String authUrl() {
        return settings.authUrl();
    }

    public String websocketUrl() {
        return "ws://" + settings.publicHost() + ":" + settings.platformHttpPort() + "/subscriptions";
    }

    /** Waits until {@code /actuator/health} answers UP (anonymously), as a user of ops/run would. */
    public void awaitHealthy(Duration timeout) {
        awaitHealthy(http, platformUrl(), timeout);
    }

    public static void awaitHealthy(HttpClient http, String platformUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platformUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().startsWith("{\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("platform not healthy within " + timeout + ": " + last);
    }

    /** An access token for a client-credentials client (client_secret_basic). */
    public String clientToken(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=" + scope.replace(" ", "%20");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(authUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    /** An access token of a local-profile user, logged in with password and the demo TOTP code. */
    public String userToken(String username) {
        return userToken(username, username + "-demo");
    }

    /** An access token of any user; a user without a second factor enrols it during this login. */
    public String userToken(String username, String password) {
        return UserLogin.tokens(authUrl(), platformUrl(), username, password).get("access_token").asText();
    }

    public String integratorToken() {
        return clientToken("demo-integrator", "demo-integrator-secret", "read trade");
    }

    /**
     * A token signed with the platform's real key, as if the auth server had issued it: lets a test
     * present claims the auth server would refuse to issue (e.g. a client named like a user).
     */
    public String signedWithThePlatformKey(String subject, java.util.List<String> roles, java.util.List<String> audience,
            boolean mfa) {
        try {
            com.nimbusds.jose.jwk.JWKSet keys = com.nimbusds.jose.jwk.JWKSet.load(
                    settings.dataDir().resolve("auth/jwks.json").toFile());
            com.nimbusds.jose.jwk.RSAKey key = (com.nimbusds.jose.jwk.RSAKey) keys.getKeys().get(0);
            java.time.Instant now = java.time.Instant.now();
            com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(authUrl())
                    .subject(subject).audience(audience)
                    .claim("roles", roles).claim("scope", "openid read trade").claim("mfa", mfa)
                    .claim("amr", mfa ? java.util.List.of("pwd", "otp") : java.util.List.of("pwd"))
                    .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300))).build();
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                    com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a GraphQL request; returns status and parsed body. */
    public GraphQlAnswer graphql(String token, String query, Map<String, Object> variables) {
        try {
            Map<String, Object> body = new HashMap<>();
            body.put("query", query);
            body.put("variables", variables == null ? Map.of() : variables);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platformUrl() + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/graphql-response+json, application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = send(request.build());
            JsonNode parsed = response.body().isBlank() ? null : read(response.body());
            return new GraphQlAnswer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A GraphQL-over-HTTP answer. */
    public record GraphQlAnswer(int status, JsonNode body) {

        public JsonNode data() {
            return body.get("data");
        }

        public JsonNode errors() {
            return body.get("errors");
        }

        public String firstErrorCode() {
            JsonNode errors = errors();
            return errors == null || errors.isEmpty() ? null : errors.get(0).path("extensions").path("code").asText(null);
        }
    }
}
