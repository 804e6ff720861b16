package org.mltrading.api.order;

/**
 * A command refused before any event was stored (bad input). Carried back to the sender as the
 * details of Axon's CommandExecutionException, so it crosses JVMs in distributed mode.
 */
public record OrderRejection(OrderErrorCode code, String message) {
}
