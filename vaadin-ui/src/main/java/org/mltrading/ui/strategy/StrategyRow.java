package org.mltrading.ui.strategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;

/** A paper strategy as the API answers it: units in the instrument's units, threshold a log-return fraction. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyRow(String id, String accountId, String model, int modelVersion, String symbol,
                          BigDecimal orderQuantity, BigDecimal maxPosition, double entryThreshold, boolean longOnly,
                          String status, String reason, String startedBy, Instant startedAt, String stoppedBy,
                          Instant stoppedAt, String stopReason, BigDecimal position, BigDecimal openQuantity,
                          int ordersDecided) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** "model@3". */
    public String modelLabel() {
        return model + "@" + modelVersion;
    }
}
