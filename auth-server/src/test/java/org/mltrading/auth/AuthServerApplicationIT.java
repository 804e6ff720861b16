package org.mltrading.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;

class AuthServerApplicationIT {

    @TempDir Path dataDir;

    @Test
    void the_standalone_application_uses_the_same_config_files_as_the_launcher() {
        try (var context =
                SpringApplication.run(
                        AuthServerApplication.class,
                        AuthServerLauncher.withOwnConfigName(
                                "--server.port=0", "--PLATFORM_DATA_DIR=" + dataDir))) {
            assertThat(context.getEnvironment().getProperty("platform.auth.issuer"))
                    .isEqualTo("http://localhost:9000");
            assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
            assertThat(dataDir.resolve("auth/jwks.json")).exists();
        }
    }

    @Test
    void an_empty_issuer_stops_start_up() {
        assertThatThrownBy(
                        () ->
                                AuthServerLauncher.start(
                                        "--server.port=0", "--PLATFORM_DATA_DIR=" + dataDir, "--AUTH_ISSUER="))
                .hasStackTraceContaining("must be an absolute URL");
    }
}
