package org.mltrading.ui.risk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** An account as the risk officer sees it: state, equity, limits and how much of them is used. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskAccount(String id, String name, String owner, String currency, BigDecimal equity,
                          String tradingState, String tradingStateReason, Limits limits, Utilization utilization) {

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
