package org.mltrading.api.account;

/**
 * The outcome of one pre-trade check. {@code check} is the policy's stable name (e.g.
 * {@code orderNotionalWithinLimit}); {@code code} is the reason code a failure of it rejects with;
 * {@code detail} is for humans and says the numbers, whether the check passed or not.
 */
public record RiskCheckResult(String check, RiskErrorCode code, boolean passed, String detail) {
}
