package org.mltrading.api.strategy;

/**
 * A strategy command refused before any event was stored. Carried back to the sender as the details of
 * Axon's CommandExecutionException, so it crosses JVMs in distributed mode.
 */
public record StrategyRejection(StrategyErrorCode code, String message) {
}
