package org.mltrading.api.altdata;

import java.time.Instant;

/** One observation of an alternative-data series: when it was observed and its value. */
public record AltObservation(Instant time, double value) {
}
