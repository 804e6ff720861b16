package org.mltrading.ui.risk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** An account as the risk officer sees it: state, equity, limits and how much of them is used. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskAccount(String id, String name, String owner, String currency, BigDecimal equity,
                          String tradingState, String tradingStateReason, Limits limits, Utilization utilization,
                          List<Proposal> pendingRiskLimits) {

    /** Limits that raise some limit, waiting for a second risk officer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String id, String proposedBy, String reason, java.time.Instant proposedAt, Limits limits) {
    }

    /** An account with no proposal waiting. */
    public RiskAccount(String id, String name, String owner, String currency, BigDecimal equity, String tradingState,
                       String tradingStateReason, Limits limits, Utilization utilization) {
        this(id, name, owner, currency, equity, tradingState, tradingStateReason, limits, utilization, List.of());
    }

    public List<Proposal> proposals() {
        return pendingRiskLimits == null ? List.of() : pendingRiskLimits;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Limits(BigDecimal maxOrderNotional, BigDecimal maxPositionPerInstrument, BigDecimal maxGrossExposure,
                         BigDecimal maxDailyLoss, List<String> restrictedSymbols, Integer maxOrdersPerSecond) {
    }

    /** Fractions are fractions: 0.05 = 5 %. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Utilization(BigDecimal grossExposure, BigDecimal grossExposureFraction,
                              BigDecimal reservedExposure, BigDecimal dailyLoss, BigDecimal dailyLossFraction,
                              BigDecimal largestPositionFraction) {
    }

    public boolean halted() {
        return "HALTED".equals(tradingState);
    }
}
