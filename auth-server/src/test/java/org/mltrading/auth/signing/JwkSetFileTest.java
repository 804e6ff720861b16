package org.mltrading.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwkSetFileTest {

    @TempDir Path dir;

    @Test
    void first_call_creates_a_private_rsa_signing_key_and_later_calls_reuse_it() {
        Path file = dir.resolve("auth/jwks.json");

        var created = JwkSetFile.loadOrCreate(file);
        var reloaded = JwkSetFile.loadOrCreate(file);

        assertThat(created.getKeys()).singleElement().isInstanceOf(RSAKey.class);
        assertThat(created.getKeys().get(0).isPrivate()).isTrue();
        assertThat(reloaded.getKeys().get(0).getKeyID()).isEqualTo(created.getKeys().get(0).getKeyID());
        assertThat(reloaded.getKeys().get(0).toRSAKey().getModulus())
                .isEqualTo(created.getKeys().get(0).toRSAKey().getModulus());
    }

    @Test
    void a_file_without_a_private_key_is_refused_rather_than_replaced() throws Exception {
        Path file = dir.resolve("jwks.json");
        var publicOnly = JwkSetFile.loadOrCreate(file).toPublicJWKSet();
        Files.writeString(file, publicOnly.toString());

        assertThatThrownBy(() -> JwkSetFile.loadOrCreate(file)).hasMessageContaining("no private RSA key");
    }
}
