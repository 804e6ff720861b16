package org.mltrading.api.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of an imported ONNX model file, exactly as the importer sent them. Its identity is the
 * SHA-256 of the bytes: the hash a version registers and the live predictor serves. Serialised (JSON)
 * as base64.
 */
public record OnnxArtefact(byte[] bytes) {

    public OnnxArtefact {
        if (bytes == null) {
            throw new IllegalArgumentException("an artefact needs its bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OnnxArtefact artefact && Arrays.equals(bytes, artefact.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Size and hash only: the bytes do not belong in logs. */
    @Override
    public String toString() {
        return "OnnxArtefact[" + bytes.length + " bytes, sha256=" + sha256() + "]";
    }
}
