package org.mltrading.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 key of the audit checkpoints, created once and kept in the data directory
 * ({@code <data-dir>/audit/checkpoint-signing-key}, owner-readable only) so checkpoints signed before
 * a restart still verify after it. The key lives outside the databases on purpose: whoever rewrites
 * the event store or MongoDB does not thereby hold it.
 */
public final class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointSigner(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.keyId = HexFormat.of().formatHex(AuditHashes.sha256().digest(publicKey.getEncoded())).substring(0, 16);
    }

    /** Loads the key pair from {@code file}, creating it first when the file does not exist. */
    public static CheckpointSigner loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new CheckpointSigner(read(Files.readAllLines(file, StandardCharsets.US_ASCII)));
            }
            KeyPair keys = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n";
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new CheckpointSigner(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit checkpoint key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit checkpoint key " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    private static KeyPair read(java.util.List<String> lines) throws GeneralSecurityException {
        if (lines.size() < 2) {
            throw new GeneralSecurityException("expected two base64 lines (private, public key)");
        }
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim())));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim())));
        return new KeyPair(publicKey, privateKey);
    }

    public String keyId() {
        return keyId;
    }

    public AuditCheckpoint sign(long chainSequence, String hash, java.time.Instant signedAt) {
        // MongoDB keeps milliseconds: sign what will be read back
        java.time.Instant at = signedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        AuditCheckpoint unsigned = new AuditCheckpoint(chainSequence, hash, at, keyId, null);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new AuditCheckpoint(chainSequence, hash, at, keyId,
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an audit checkpoint failed", e);
        }
    }

    public boolean verifies(AuditCheckpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId()) || checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
