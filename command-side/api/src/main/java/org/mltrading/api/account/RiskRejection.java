package org.mltrading.api.account;

/**
 * Why the account context refused something. As the details of Axon's CommandExecutionException it
 * tells the sender that a command was refused before any event was stored (bad input such as invalid
 * limits); as a pre-trade verdict it becomes a {@link PreTradeRiskRejectedEvent}. {@code message} is
 * for humans and says the numbers involved.
 */
public record RiskRejection(RiskErrorCode code, String message) {
}
