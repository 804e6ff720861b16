package org.mltrading.query.marketdata.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How much market the simulator writes before it goes live ({@code platform.marketdata.simulator.history.*}).
 *
 * @param length     how far back the history reaches on a first start, and the longest gap a restart
 *                   fills ({@code length}, default 5 days; zero switches warm start off)
 * @param tradesPart the most recent part written as trade prints (the one-second chart and the
 *                   time-and-sales need them); older history is written as one-minute bars only
 *                   ({@code trades}, default 60 minutes)
 */
public record HistorySettings(Duration length, Duration tradesPart) {

    /** Beyond this the first start would take minutes and gigabytes: import real history instead. */
    static final Duration MAX_LENGTH = Duration.ofDays(60);
    /** No history: the feed starts cold (the behaviour of tests that count what the live feed wrote). */
    public static final HistorySettings NONE = new HistorySettings(Duration.ZERO, Duration.ZERO);
    public static final HistorySettings DEFAULTS = new HistorySettings(Duration.ofDays(5), Duration.ofMinutes(60));

    public HistorySettings {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(tradesPart, "tradesPart");
        if (length.isNegative() || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("platform.marketdata.simulator.history.length must be within [0, "
                    + MAX_LENGTH.toDays() + " days]: " + length);
        }
        if (tradesPart.isNegative()) {
            throw new IllegalArgumentException("platform.marketdata.simulator.history.trades must not be negative: "
                    + tradesPart);
        }
    }

    public boolean enabled() {
        return !length.isZero();
    }
}
