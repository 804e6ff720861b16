package org.mltrading.ml.live;

import java.time.Instant;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.Trade;

/**
 * Closing prices of one symbol's bars, built from its trades: a bar closes when the first trade of a
 * later bar arrives (its close is the last trade before). Keeps the most recent closes only — as many
 * as the features read. Intervals without trades produce no bar. Not thread-safe: one thread feeds it.
 */
final class BarCloses {

    /** What a closed bar hands on: its start and the closes up to it (oldest first). */
    record Closed(Instant barTime, double[] closes) {
    }

    private final BarInterval interval;
    private final double[] ring;
    private int count;
    private long currentBar = Long.MIN_VALUE;
    private double lastPrice;
    private Closed lastClosed;

    BarCloses(BarInterval interval, int capacity) {
        this.interval = interval;
        this.ring = new double[capacity];
    }

    /** Adds a trade; returns the bar it closed, or null. Trades older than the current bar are ignored. */
    Closed accept(Trade trade) {
        long bar = interval.startOf(trade.time().toEpochMilli());
        double price = trade.price().doubleValue();
        Closed closed = null;
        if (currentBar == Long.MIN_VALUE) {
            currentBar = bar;
        } else if (bar > currentBar) {
            closed = close(currentBar, lastPrice);
            currentBar = bar;
        } else if (bar < currentBar) {
            return null; // late print of a bar already closed
        }
        lastPrice = price;
        return closed;
    }

    /**
     * Starts from stored bars (ascending): the closed ones fill the closes, a bar of the interval that
     * holds {@code now} becomes the open bar its first later trade closes. Only before any trade.
     *
     * @return the last closed bar when it is the one just before the open interval (the forecast that
     *         a running predictor would have made at its close is still due), else null
     */
    Closed warm(java.util.List<org.mltrading.api.marketdata.Bar> bars, Instant now) {
        long openBar = interval.startOf(now.toEpochMilli());
        Closed last = null;
        for (org.mltrading.api.marketdata.Bar bar : bars) {
            long start = bar.time().toEpochMilli();
            if (start < openBar) {
                last = close(start, bar.close().doubleValue());
            } else if (start == openBar) {
                currentBar = start;
                lastPrice = bar.close().doubleValue();
            }
        }
        long previous = interval.startOf(openBar - 1);
        return last != null && last.barTime().toEpochMilli() == previous ? last : null;
    }

    /**
     * The last closed bar while the bar open now is the one right after it: a model that has not yet
     * forecast that open bar (promoted since its close, or no model at a warm start) still can.
     */
    Closed forecastDue() {
        return lastClosed != null && currentBar == lastClosed.barTime().toEpochMilli() + interval.length().toMillis()
                ? lastClosed : null;
    }

    /** Closes held (at most the capacity). */
    int size() {
        return count;
    }

    private Closed close(long barStart, double close) {
        if (count == ring.length) {
            System.arraycopy(ring, 1, ring, 0, ring.length - 1);
            count--;
        }
        ring[count++] = close;
        lastClosed = new Closed(Instant.ofEpochMilli(barStart), java.util.Arrays.copyOf(ring, count));
        return lastClosed;
    }
}
