package org.mltrading.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpSecretCipherTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";

    @TempDir
    Path dir;

    @Test
    void a_secret_round_trips_and_is_not_readable_in_its_stored_form() {
        TotpSecretCipher cipher = TotpSecretCipher.withKey(key((byte) 1));
        String stored = cipher.encrypt(SECRET);
        assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
        assertThat(stored.length()).isLessThanOrEqualTo(200); // the column width
        assertThat(cipher.decrypt(stored)).isEqualTo(SECRET);
    }

    @Test
    void the_same_secret_encrypts_differently_each_time() {
        TotpSecretCipher cipher = TotpSecretCipher.withKey(key((byte) 2));
        assertThat(cipher.encrypt(SECRET)).isNotEqualTo(cipher.encrypt(SECRET));
    }

    @Test
    void a_plain_secret_of_an_older_store_is_read_as_is_and_null_stays_null() {
        TotpSecretCipher cipher = TotpSecretCipher.withKey(key((byte) 3));
        assertThat(cipher.decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void another_key_or_a_tampered_value_is_refused_never_guessed() {
        String stored = TotpSecretCipher.withKey(key((byte) 4)).encrypt(SECRET);
        assertThatThrownBy(() -> TotpSecretCipher.withKey(key((byte) 5)).decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted");
        byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
        sealed[sealed.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> TotpSecretCipher.withKey(key((byte) 4)).decrypt(tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_key_file_is_created_owner_only_once_and_reused() throws Exception {
        Path file = dir.resolve("auth/totp-secrets.key");
        String stored = TotpSecretCipher.from(null, file).encrypt(SECRET);
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        String keyBefore = Files.readString(file);
        assertThat(TotpSecretCipher.from("", file).decrypt(stored)).isEqualTo(SECRET);
        assertThat(Files.readString(file)).isEqualTo(keyBefore);
    }

    @Test
    void a_configured_key_wins_over_the_file_and_a_bad_one_is_named() {
        String configured = Base64.getEncoder().encodeToString(key((byte) 6));
        String stored = TotpSecretCipher.from(configured, dir.resolve("unused.key")).encrypt(SECRET);
        assertThat(dir.resolve("unused.key")).doesNotExist();
        assertThat(TotpSecretCipher.withKey(key((byte) 6)).decrypt(stored)).isEqualTo(SECRET);

        assertThatThrownBy(() -> TotpSecretCipher.from("not base64!", null))
                .hasMessageContaining("platform.auth.totp.key");
        assertThatThrownBy(() -> TotpSecretCipher.from(Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("32 bytes");
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
