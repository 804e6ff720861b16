package org.mltrading.api.model;

/**
 * A model command refused before any event was stored. Carried back to the sender as the details of
 * Axon's CommandExecutionException, so it crosses JVMs in distributed mode.
 */
public record ModelRejection(ModelErrorCode code, String message) {
}
