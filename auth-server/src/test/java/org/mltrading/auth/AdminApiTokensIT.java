package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 2: the admin API takes only access tokens meant for the platform, of a user who is
 * still enabled; ID tokens carry no roles (the UI reads them from userinfo); logout works by POST.
 */
class AdminApiTokensIT {

    @TempDir Path dataDir;

    @Test
    void an_id_token_opens_nothing_and_a_disabled_administrators_access_token_stops_working_at_once() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            JsonNode tokens = server.userTokens("admin", "admin-demo");
            String access = tokens.path("access_token").asText();
            String id = tokens.path("id_token").asText();

            // the probe's backdoor: the admin's ID token (valid signature, this issuer, audience platform-ui)
            assertThat(server.decode(id).getAudience()).containsExactly("platform-ui");
            assertThat(server.getJson("/admin/users", id).statusCode()).isEqualTo(401);
            var backdoor = server.postJson("/admin/clients", id, "{\"clientId\":\"backdoor-1\",\"scopes\":[\"read\",\"trade\"]}");
            assertThat(backdoor.statusCode()).as(backdoor.body()).isEqualTo(401);
            assertThat(server.getJson("/admin/clients/backdoor-1", access).statusCode()).as("nothing was created")
                    .isEqualTo(404);

            // the access token works, for an ADMIN only
            assertThat(server.getJson("/admin/users", access).statusCode()).isEqualTo(200);
            String integrator = RunningAuthServer.json(server.clientCredentials("demo-integrator", "demo-integrator-secret",
                    "read")).path("access_token").asText();
            assertThat(server.getJson("/admin/users", integrator).statusCode()).isEqualTo(403);
            assertThat(server.postJson("/admin/clients", access, "{\"clientId\":\"platform-api\",\"scopes\":[\"read\"]}")
                    .statusCode()).as("a client named like the platform's audience").isEqualTo(400);

            // the administrator is disabled (here by themselves): their unexpired access token opens nothing more
            var disabled = server.putJson("/admin/users/admin/enabled", access, "{\"enabled\":false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            assertThat(server.getJson("/admin/users", access).statusCode()).isEqualTo(401);
            var late = server.postJson("/admin/clients", access, "{\"clientId\":\"backdoor-2\",\"scopes\":[\"read\",\"trade\"]}");
            assertThat(late.statusCode()).as(late.body()).isEqualTo(401);
            assertThat(server.getJson("/admin/users", id).statusCode()).isEqualTo(401);
            assertThat(server.get("/userinfo", "Authorization", "Bearer " + access).statusCode())
                    .as("userinfo of a disabled user").isEqualTo(401);
        }
    }

    @Test
    void roles_are_in_the_access_token_and_userinfo_but_not_in_the_id_token() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            JsonNode tokens = server.userTokens("risk", "risk-demo");
            var idToken = server.decode(tokens.path("id_token").asText());
            var accessToken = server.decode(tokens.path("access_token").asText());

            assertThat(idToken.getClaims()).doesNotContainKey("roles");
            assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("RISK_OFFICER");
            var userinfo = server.get("/userinfo", "Authorization", "Bearer " + tokens.path("access_token").asText());
            assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
            assertThat(RunningAuthServer.json(userinfo).path("sub").asText()).isEqualTo("risk");
            assertThat(RunningAuthServer.json(userinfo).path("roles").toString()).isEqualTo("[\"RISK_OFFICER\"]");
        }
    }

    /** Issue 14, finding 11: users and clients share one name space. */
    @Test
    void a_client_may_not_take_a_users_name_nor_a_user_a_clients() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            String admin = server.userTokens("admin", "admin-demo").path("access_token").asText();

            var client = server.postJson("/admin/clients", admin, "{\"clientId\":\"trader\",\"scopes\":[\"read\",\"trade\"]}");
            assertThat(client.statusCode()).as(client.body()).isEqualTo(409);
            assertThat(RunningAuthServer.json(client).path("code").asText()).isEqualTo("VALIDATION_DUPLICATE");
            var user = server.postJson("/admin/users", admin,
                    "{\"username\":\"demo-integrator\",\"password\":\"a long enough password\",\"roles\":[\"TRADER\"]}");
            assertThat(user.statusCode()).as(user.body()).isEqualTo(409);
            assertThat(RunningAuthServer.json(user).path("code").asText()).isEqualTo("VALIDATION_DUPLICATE");
        }
    }

    /** Issue 14 ("also"): any client could introspect the trader's access and refresh tokens. */
    @Test
    void a_client_introspects_only_its_own_tokens() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            JsonNode trader = server.userTokens("trader", "trader-demo");
            String integratorToken = RunningAuthServer.json(server.clientCredentials("demo-integrator", "demo-integrator-secret",
                    "read")).path("access_token").asText();

            for (String token : List.of(trader.path("access_token").asText(), trader.path("refresh_token").asText())) {
                var foreign = server.postForm("/oauth2/introspect", Map.of("token", token),
                        "Authorization", RunningAuthServer.basic("demo-integrator", "demo-integrator-secret"));
                assertThat(foreign.statusCode()).isEqualTo(200);
                assertThat(RunningAuthServer.json(foreign).path("active").asBoolean()).as(foreign.body()).isFalse();
                assertThat(foreign.body()).doesNotContain("trader");
                var own = server.postForm("/oauth2/introspect", Map.of("token", token),
                        "Authorization", RunningAuthServer.basic("platform-ui", "platform-ui-secret"));
                assertThat(RunningAuthServer.json(own).path("active").asBoolean()).as(own.body()).isTrue();
            }
            var ownClientToken = server.postForm("/oauth2/introspect", Map.of("token", integratorToken),
                    "Authorization", RunningAuthServer.basic("demo-integrator", "demo-integrator-secret"));
            assertThat(RunningAuthServer.json(ownClientToken).path("active").asBoolean()).isTrue();
        }
    }

    @Test
    void logout_takes_the_id_token_in_a_post_body() {
        try (RunningAuthServer server = RunningAuthServer.startLocal(dataDir)) {
            String id = server.userTokens("trader", "trader-demo").path("id_token").asText();

            var logout = server.withFreshCookies().postForm("/connect/logout", Map.of("id_token_hint", id,
                    "client_id", "platform-ui", "post_logout_redirect_uri", "http://localhost:8080/", "state", "s-1"));

            assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
            assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith("http://localhost:8080/")
                    .doesNotContain(id);
        }
    }
}
