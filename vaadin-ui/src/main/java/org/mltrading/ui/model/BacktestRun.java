package org.mltrading.ui.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A backtest as the platform reports it, from PENDING through RUNNING to COMPLETED or FAILED. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BacktestRun(String id, String status, String reason, String model, int version, String symbol,
                          String interval, Instant from, Instant to, int barsProcessed, Integer barsTotal,
                          double progress, BacktestMetrics metrics, List<EquityPoint> equity) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EquityPoint(Instant time, double equity) {
    }

    /** COMPLETED or FAILED: no further progress will come. */
    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
}
