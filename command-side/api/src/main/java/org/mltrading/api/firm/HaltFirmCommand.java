package org.mltrading.api.firm;

/** Halt trading firm-wide: every new order of every account is refused until resumed (RISK_OFFICER). */
public record HaltFirmCommand(String reason) {
}
