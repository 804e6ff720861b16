package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Integrator clients, secrets, users and signing keys managed through the admin API — and persisted. */
class IdentityAdminIT {

    @TempDir Path dataDir;

    @Test
    void clients_users_authorizations_and_keys_survive_a_restart_and_rotate() {
        String newSecret;
        String refreshToken;
        String oldKeyToken;
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            String admin = server.userTokens("admin", "admin-demo").path("access_token").asText();

            var created = server.postJson("/admin/clients", admin, "{\"clientId\":\"acme-algo\",\"scopes\":[\"read\",\"trade\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String firstSecret = RunningAuthServer.json(created).path("clientSecret").asText();
            assertThat(firstSecret).hasSizeGreaterThan(30);
            var token = server.clientCredentials("acme-algo", firstSecret, "read trade");
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(server.decode(RunningAuthServer.json(token).path("access_token").asText())
                    .getClaimAsStringList("roles")).containsExactly("INTEGRATOR");

            var duplicate = server.postJson("/admin/clients", admin, "{\"clientId\":\"acme-algo\",\"scopes\":[\"read\"]}");
            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(RunningAuthServer.json(duplicate).path("code").asText()).isEqualTo("VALIDATION_DUPLICATE");
            var badScope = server.postJson("/admin/clients", admin, "{\"clientId\":\"acme-2\",\"scopes\":[\"root\"]}");
            assertThat(RunningAuthServer.json(badScope).path("code").asText()).isEqualTo("VALIDATION_INVALID_SCOPE");

            var rotated = server.postJson("/admin/clients/acme-algo/secret", admin, "");
            newSecret = RunningAuthServer.json(rotated).path("clientSecret").asText();
            assertThat(server.clientCredentials("acme-algo", firstSecret, "read").statusCode()).isEqualTo(401);
            assertThat(server.clientCredentials("acme-algo", newSecret, "read").statusCode()).isEqualTo(200);

            var narrowed = server.putJson("/admin/clients/acme-algo/scopes", admin, "{\"scopes\":[\"read\"]}");
            assertThat(narrowed.statusCode()).isEqualTo(200);
            assertThat(server.clientCredentials("acme-algo", newSecret, "trade").statusCode()).isEqualTo(400);

            oldKeyToken = RunningAuthServer.json(server.clientCredentials("demo-integrator", "demo-integrator-secret", "read"))
                    .path("access_token").asText();
            String oldKid = server.decode(oldKeyToken).getHeaders().get("kid").toString();
            JsonNode keys = RunningAuthServer.json(server.postJson("/admin/signing-keys/rotate", admin, ""));
            assertThat(keys.path("activeKeyId").asText()).isNotEqualTo(oldKid);
            String newKeyToken = RunningAuthServer.json(server.clientCredentials("demo-integrator", "demo-integrator-secret", "read"))
                    .path("access_token").asText();
            assertThat(server.decode(newKeyToken).getHeaders().get("kid")).isEqualTo(keys.path("activeKeyId").asText());
            assertThat(server.decode(oldKeyToken).getSubject()).as("old tokens live out their lifetime").isEqualTo("demo-integrator");

            refreshToken = server.userTokens("trader", "trader-demo").path("refresh_token").asText();
        }

        try (RunningAuthServer restarted = RunningAuthServer.startLocal(dataDir)) {
            assertThat(restarted.clientCredentials("acme-algo", newSecret, "read").statusCode())
                    .as("a client created and rotated through the admin API survives a restart").isEqualTo(200);
            assertThat(restarted.decode(oldKeyToken).getSubject()).isEqualTo("demo-integrator");
            var refreshed = restarted.postForm("/oauth2/token",
                    java.util.Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                    "Authorization", RunningAuthServer.basic("platform-ui", "platform-ui-secret"));
            assertThat(refreshed.statusCode()).as("authorizations are stored, not in memory: " + refreshed.body()).isEqualTo(200);

            String admin = restarted.userTokens("admin", "admin-demo").path("access_token").asText();
            var disabled = restarted.putJson("/admin/users/trader/enabled", admin, "{\"enabled\":false}");
            assertThat(disabled.statusCode()).isEqualTo(200);
            var login = restarted.withFreshCookies().submitPassword("trader", "trader-demo");
            assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
    }
}
