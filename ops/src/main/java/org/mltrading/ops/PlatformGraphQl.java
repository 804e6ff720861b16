package org.mltrading.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The command-line tools' client of the running platform's public API: a client-credentials token from
 * the auth server and GraphQL over HTTP, as any integrator would call them. An IOException means the
 * platform (or auth server) did not answer or refused the client.
 */
public final class PlatformGraphQl {

    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public PlatformGraphQl(PlatformSettings settings) {
        this.settings = settings;
    }

    /** A bearer token for {@code ID:SECRET} with the scopes (space-separated). */
    public String clientToken(String client, String scopes) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.authUrl() + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scopes, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("client " + client.split(":", 2)[0] + " got no token (HTTP " + response.statusCode() + ")");
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    /** The whole GraphQL answer ({@code data} and {@code errors}). */
    public JsonNode post(String token, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.platformUrl() + "/graphql"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().isBlank()) {
            throw new IOException("HTTP " + response.statusCode() + " without a body");
        }
        return json.readTree(response.body());
    }
}
