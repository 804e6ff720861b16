package org.mltrading.api.model;

/**
 * A model version by model name or id; {@code version} null means the PRODUCTION version, else the
 * newest one. Response: an optional {@link ModelVersionSpec}.
 */
public record FindModelVersionQuery(String model, Integer version) {
}
