package org.mltrading.auth.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts TOTP secrets at rest (AES-256-GCM, fresh IV per value): a copy of the auth store alone no
 * longer yields anyone's second factor. Stored form {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}; a value
 * without that prefix is a plain base32 secret written before encryption existed and is read as is
 * (and re-encrypted at start, see {@link PlatformUserStore#encryptPlainSecrets}). The key comes from
 * {@code platform.auth.totp.key} (base64, 32 bytes — e.g. from a secret manager) or else from an
 * owner-only key file created on first start next to the signing keys.
 */
public final class TotpSecretCipher {

    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;

    private final AesBytesEncryptor encryptor;

    private TotpSecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the TOTP secret key must be " + KEY_BYTES + " bytes (base64 of 32 bytes), not "
                    + key.length);
        }
        SecretKey secretKey = new SecretKeySpec(key, "AES");
        this.encryptor = new AesBytesEncryptor(secretKey, KeyGenerators.secureRandom(16), CipherAlgorithm.GCM);
    }

    /** A cipher over the configured key, or over the key file (created owner-only when absent). */
    public static TotpSecretCipher from(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            try {
                return new TotpSecretCipher(Base64.getDecoder().decode(base64Key.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("platform.auth.totp.key is not a base64 256-bit key: " + e.getMessage(), e);
            }
        }
        if (keyFile == null) {
            throw new IllegalArgumentException("set platform.auth.totp.key or platform.auth.totp.key-file");
        }
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile);
            }
            return new TotpSecretCipher(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the TOTP secret key file " + keyFile, e);
        }
    }

    /** For tests and tools: a cipher over a given key. */
    static TotpSecretCipher withKey(byte[] key) {
        return new TotpSecretCipher(key.clone());
    }

    public String encrypt(String base32Secret) {
        if (base32Secret == null) {
            return null;
        }
        byte[] sealed = encryptor.encrypt(base32Secret.getBytes(StandardCharsets.US_ASCII));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    /** The base32 secret; a legacy plain value passes through unchanged. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] plain = encryptor.decrypt(Base64.getDecoder().decode(stored.substring(PREFIX.length())));
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            // wrong key (e.g. a restored store with a new key file) or a damaged value: never fall back to a guess
            throw new IllegalStateException("a stored TOTP secret cannot be decrypted with the configured key", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, ".totp-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".totp-", ".tmp");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, keyFile);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
