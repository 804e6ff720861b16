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
import java.util.stream.Collectors;
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
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--PLATFORM_DATA_DIR=" + dataDir));
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

    HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        return postForm(
                "/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization",
                basic(clientId, secret));
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
