package org.mltrading.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The auth server's admin API, called with the administrator's own bearer token: the auth server
 * checks the ADMIN role again and records who did what. Its error codes pass through unchanged.
 */
@Component
class IdentityAdminClient {

    private final RestClient http;
    private final ObjectMapper json;

    IdentityAdminClient(@Value("${platform.auth.admin-url}") String adminUrl, ObjectMapper json) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().baseUrl(adminUrl).requestFactory(requests).build();
        this.json = json;
    }

    JsonNode get(String path, Object... variables) {
        return exchange(http.get().uri(path, variables));
    }

    JsonNode post(String path, Object body, Object... variables) {
        return exchange(http.post().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body));
    }

    JsonNode put(String path, Object body, Object... variables) {
        return exchange(http.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    private JsonNode exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.header("Authorization", "Bearer " + callerToken())
                    .exchange((req, response) -> {
                        byte[] body = response.getBody().readAllBytes();
                        JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return node;
                        }
                        throw rejected(response.getStatusCode(), node);
                    });
        } catch (ResourceAccessException e) {
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the auth server cannot be reached");
        }
    }

    private static ApiException rejected(HttpStatusCode status, JsonNode body) throws IOException {
        String code = body.path("code").asText("");
        String message = body.path("message").asText("");
        if (status.value() == 401 || status.value() == 403) {
            return new ApiException(ApiErrorCode.PERMISSION_DENIED, "the auth server refused the administrator's token");
        }
        if (code.isEmpty()) {
            return new ApiException(ApiErrorCode.UNAVAILABLE, "the auth server answered " + status.value());
        }
        return new ApiException(code, message);
    }

    private static String callerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "an administrator's token is required");
    }
}
