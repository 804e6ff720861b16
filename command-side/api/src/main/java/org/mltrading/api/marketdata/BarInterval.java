package org.mltrading.api.marketdata;

import java.time.Duration;

/** Bar lengths offered by the API; {@code sampleBy} is the QuestDB SAMPLE BY unit. */
public enum BarInterval {
    ONE_SECOND(Duration.ofSeconds(1), "1s"),
    ONE_MINUTE(Duration.ofMinutes(1), "1m"),
    FIVE_MINUTES(Duration.ofMinutes(5), "5m"),
    FIFTEEN_MINUTES(Duration.ofMinutes(15), "15m"),
    ONE_HOUR(Duration.ofHours(1), "1h"),
    ONE_DAY(Duration.ofDays(1), "1d");

    private final Duration length;
    private final String sampleBy;

    BarInterval(Duration length, String sampleBy) {
        this.length = length;
        this.sampleBy = sampleBy;
    }

    public Duration length() {
        return length;
    }

    public String sampleBy() {
        return sampleBy;
    }

    /** Start of the bar containing {@code epochMillis} (bars are aligned to the epoch, UTC). */
    public long startOf(long epochMillis) {
        long millis = length.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
