package org.mltrading.api.model;

/** Every version in PRODUCTION. Response: a list of {@link ModelVersionSpec}. */
public record FindProductionModelsQuery() {
}
