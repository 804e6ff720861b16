package org.mltrading.ui.marketdata;

import java.time.Duration;
import java.time.Instant;

/** The bar intervals the chart offers, named as the API's {@code BarInterval}. */
public enum ChartInterval {
    ONE_SECOND("1s", Duration.ofSeconds(1)),
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1D", Duration.ofDays(1));

    private final String label;
    private final Duration length;

    ChartInterval(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    /** Start of the bar that contains {@code instant} (bars are aligned to the epoch in UTC). */
    public Instant barStart(Instant instant) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }
}
