package org.mltrading.api.account;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Pre-trade risk limits of an account. Money in the account currency; position in units of the
 * instrument; {@code maxDailyLoss} is a positive amount of realised loss per UTC day.
 */
public record RiskLimits(BigDecimal maxOrderNotional, BigDecimal maxPositionPerInstrument,
                         BigDecimal maxGrossExposure, BigDecimal maxDailyLoss, Set<String> restrictedSymbols,
                         int maxOrdersPerSecond) {

    /** The seed defaults of ARCHITECTURE.md. */
    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("1000000"), new BigDecimal("100000"), new BigDecimal("5000000"),
                new BigDecimal("100000"), Set.of(), 5_000);
    }
}
