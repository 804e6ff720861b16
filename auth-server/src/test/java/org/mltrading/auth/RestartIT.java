package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartIT {

    @TempDir Path dataDir;

    @Test
    void the_signing_key_survives_a_restart_on_the_same_data_dir_so_old_tokens_stay_valid() throws Exception {
        String kidBefore;
        String tokenBefore;
        try (var first = RunningAuthServer.startLocal(dataDir)) {
            kidBefore = kid(first);
            tokenBefore =
                    RunningAuthServer.json(first.clientCredentials("demo-risk", "demo-risk-secret", "read"))
                            .path("access_token")
                            .asText();
        }
        Path jwks = dataDir.resolve("auth/jwks.json");
        assertThat(jwks).exists();
        if (Files.getFileStore(jwks).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jwks)))
                    .isEqualTo("rw-------");
        }

        try (var second = RunningAuthServer.startLocal(dataDir)) {
            assertThat(kid(second)).isEqualTo(kidBefore);
            // verified against the restarted server's JWK set
            assertThat(second.decode(tokenBefore).getSubject()).isEqualTo("demo-risk");
        }
    }

    private static String kid(RunningAuthServer server) {
        var keys = RunningAuthServer.json(server.get("/oauth2/jwks")).path("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).has("d")).as("private exponent published").isFalse();
        return keys.get(0).path("kid").asText();
    }
}
