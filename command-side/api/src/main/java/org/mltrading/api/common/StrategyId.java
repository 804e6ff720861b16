package org.mltrading.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a paper strategy: a UUID chosen when it is started. {@code toString()} is the raw value (Axon stores it). */
public record StrategyId(String value) {

    public StrategyId {
        if (value == null) {
            throw new IllegalArgumentException("a strategy id is required");
        }
        UUID.fromString(value); // refuses anything that is not a UUID
    }

    public static StrategyId random() {
        return new StrategyId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static StrategyId of(String raw) {
        return new StrategyId(raw);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
