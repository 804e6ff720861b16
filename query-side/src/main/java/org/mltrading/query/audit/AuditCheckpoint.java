package org.mltrading.query.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed statement "the chain's entry {@code chainSequence} has hash {@code hash}"
 * ({@code audit_checkpoints}). Someone who can rewrite the database but not read the signing key
 * cannot produce a consistent chain past a checkpoint.
 *
 * @param signature Ed25519 over {@link #signedText()}, base64
 * @param keyId     SHA-256 (hex, first 16 characters) of the public key that verifies it
 */
@Document("audit_checkpoints")
public record AuditCheckpoint(@Id long chainSequence, String hash, Instant signedAt, String keyId, String signature) {

    String signedText() {
        return "audit-chain-checkpoint|" + chainSequence + "|" + hash + "|" + signedAt;
    }
}
