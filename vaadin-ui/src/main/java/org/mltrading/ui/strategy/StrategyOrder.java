package org.mltrading.ui.strategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An order with its provenance: the strategy and the prediction it acted on (null for a manual order). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyOrder(String id, String clientOrderId, String symbol, String side, BigDecimal quantity,
                            String status, BigDecimal filledQuantity, BigDecimal averagePrice, Instant placedAt,
                            Provenance provenance) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provenance(String strategyId, String modelLabel, String predictionId, Instant predictionTime,
                             Instant barTime, double value, double lower, double upper) {
    }

    public boolean placedBy(String strategyId) {
        return provenance != null && strategyId.equals(provenance.strategyId());
    }

    /**
     * "model@3 forecast +0.120 % (95 %: −0.050 % … +0.300 %) for the bar of 2026-12-07 04:10:00 UTC": the
     * forecast is the next bar's log return, shown in percent.
     */
    public String provenanceText() {
        if (provenance == null) {
            return "manual";
        }
        return provenance.modelLabel() + " forecast " + percent(provenance.value()) + " (95 %: "
                + percent(provenance.lower()) + " … " + percent(provenance.upper()) + ")"
                + (provenance.barTime() == null ? "" : " for the bar of " + TIME.format(provenance.barTime()) + " UTC");
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.3f %%", fraction * 100).replace('-', '−');
    }
}
