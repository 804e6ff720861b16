package org.mltrading.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The signing keys on disk. Boot would generate a fresh RSA key on every start, which silently
 * invalidates every token issued before a restart; keeping the private JWK set in the data
 * directory lets tokens (and the platform's cached JWKS) survive restarts.
 */
public final class JwkSetFile {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private JwkSetFile() {}

    /** Reads the JWK set at {@code file}, or creates it with one new RSA-2048 signing key. */
    public static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return requireSigningKey(JWKSet.load(file.toFile()), file);
            }
            JWKSet created = new JWKSet(newSigningKey());
            write(file, created.toString(false)); // false: include the private parameters
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the JWK set " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWK set " + file + " is not valid JSON JWK", e);
        }
    }

    /**
     * Puts a new signing key first (it signs from now on) and keeps the newest {@code keep} keys, so
     * tokens signed by the previous keys stay verifiable for the rest of their lifetime.
     */
    public static JWKSet rotate(Path file, int keep) {
        JWKSet current = loadOrCreate(file);
        java.util.List<com.nimbusds.jose.jwk.JWK> keys = new java.util.ArrayList<>();
        keys.add(newSigningKey());
        current.getKeys().stream().limit(Math.max(0, keep - 1)).forEach(keys::add);
        JWKSet rotated = new JWKSet(keys);
        try {
            write(file, rotated.toString(false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JWK set " + file, e);
        }
        return rotated;
    }

    private static RSAKey newSigningKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static JWKSet requireSigningKey(JWKSet set, Path file) {
        boolean usable = set.getKeys().stream().anyMatch(key -> key instanceof RSAKey && key.isPrivate());
        if (!usable) {
            throw new IllegalStateException(
                    "the JWK set " + file + " holds no private RSA key: tokens could not be signed");
        }
        return set;
    }

    /** Owner-only where the file system allows it; written whole, then moved into place. */
    private static void write(Path file, String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (POSIX) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
        Path temp =
                POSIX
                        ? Files.createTempFile(dir, ".jwks-", ".tmp", ownerOnly("rw-------"))
                        : Files.createTempFile(dir, ".jwks-", ".tmp");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
