package org.mltrading.ml.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.mltrading.api.model.ModelKind;

/**
 * The artefact of a fitted model is its kind and parameters; its hash is the SHA-256 of a canonical
 * text (parameters sorted by name, values as Java's shortest round-trip decimal), so the same fit
 * always has the same hash and any change to a value changes it.
 */
public final class ModelArtefact {

    private ModelArtefact() {
    }

    public static String canonical(ModelKind kind, Map<String, Double> parameters) {
        StringBuilder text = new StringBuilder("kind=").append(kind.name());
        new TreeMap<>(parameters).forEach((name, value) -> text.append(';').append(name).append('=').append(value));
        return text.toString();
    }

    public static String sha256(ModelKind kind, Map<String, Double> parameters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(kind, parameters).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
