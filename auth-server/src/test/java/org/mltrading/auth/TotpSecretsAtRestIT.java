package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TOTP secrets are encrypted in the auth store: a copy of the store alone gives away no second factor.
 * A store written by an older version (plain secrets, narrow column) is upgraded at start and its users
 * still log in; a store whose key is lost refuses to start with a clear message.
 */
class TotpSecretsAtRestIT {

    @TempDir
    Path dataDir;

    @Test
    void secrets_are_encrypted_plain_ones_of_an_older_store_are_upgraded_and_a_lost_key_stops_the_start() throws Exception {
        try (var first = RunningAuthServer.startLocal(dataDir)) {
            assertThat(first.userTokens("risk", "risk-demo").path("access_token").asText()).isNotBlank();
        }
        Map<String, String> stored = secrets();
        assertThat(stored).containsKeys("trader", "risk", "compliance");
        assertThat(stored.values()).allSatisfy(secret -> assertThat(secret).startsWith("v1:")
                .doesNotContain(RunningAuthServer.DEMO_TOTP_SECRET));

        // what an older version left behind: plain base32 secrets in a varchar(64) column
        try (Connection store = store(); Statement statement = store.createStatement()) {
            statement.execute("UPDATE platform_user SET totp_secret = '" + RunningAuthServer.DEMO_TOTP_SECRET
                    + "' WHERE totp_secret IS NOT NULL");
            statement.execute("ALTER TABLE platform_user ALTER COLUMN totp_secret SET DATA TYPE varchar(64)");
        }
        try (var upgraded = RunningAuthServer.startLocal(dataDir)) {
            assertThat(secrets().values()).allSatisfy(secret -> assertThat(secret).startsWith("v1:"));
            assertThat(upgraded.userTokens("trader", "trader-demo").path("access_token").asText()).isNotBlank();
        }

        Files.delete(dataDir.resolve("auth/totp-secrets.key"));
        assertThatThrownBy(() -> RunningAuthServer.startLocal(dataDir).close())
                .hasStackTraceContaining("cannot be decrypted: the key");
    }

    private Map<String, String> secrets() throws Exception {
        Map<String, String> secrets = new HashMap<>();
        try (Connection store = store(); Statement statement = store.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username, totp_secret FROM platform_user WHERE totp_secret IS NOT NULL")) {
            while (rows.next()) {
                secrets.put(rows.getString(1), rows.getString(2));
            }
        }
        return secrets;
    }

    private Connection store() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("auth/auth-store").toAbsolutePath(), "sa", "");
    }
}
