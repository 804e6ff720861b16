package org.mltrading.api.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifier of a model (all versions of one name). Derived from the name, so registering a version of
 * an existing name reaches the same aggregate without a lookup. {@code toString()} is the raw value
 * (Axon stores it as the aggregate identifier).
 */
public record ModelId(String value) {

    public ModelId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a model id must not be blank");
        }
    }

    /** The id of the model called {@code name} (a name-based UUID, stable across restarts and JVMs). */
    public static ModelId forName(String name) {
        return new ModelId(UUID.nameUUIDFromBytes(("model:" + name).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
