package org.mltrading.api.firm;

/** Resume firm-wide trading after a halt (RISK_OFFICER only). Account states are untouched either way. */
public record ResumeFirmCommand(String reason) {
}
