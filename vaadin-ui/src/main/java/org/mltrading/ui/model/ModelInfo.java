package org.mltrading.ui.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A registered model with its versions, as the model registry answers it. Fractions are fractions (0.05 = 5 %). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelInfo(String id, String name, String kind, String status, Integer productionVersion,
                        List<Version> versions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(int version, String status, List<String> features, Instant registeredAt,
                          Validation validation, Instant promotedAt, Instant retiredAt, String retiredReason,
                          LiveScore liveScore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validation(String backtestId, boolean passed, List<String> failures, BacktestMetrics metrics,
                             Instant validatedAt) {
    }

    /** How live predictions fared; the rates are null before the first scored prediction. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LiveScore(int scored, Double hitRate, Double coverage80, Double coverage95) {
    }
}
