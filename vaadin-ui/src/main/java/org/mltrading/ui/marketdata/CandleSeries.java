package org.mltrading.ui.marketdata;

import java.util.ArrayList;
import java.util.List;

/**
 * The bars the chart shows for one symbol and interval: a history snapshot, then live bars. A live
 * bar with the time of the last bar replaces it (the bar is still forming), a later one is appended,
 * an older one or another symbol's is ignored. Keeps at most {@link #MAX_BARS}, dropping the oldest.
 */
public final class CandleSeries {

    /** Enough for the visible history; bounds the memory a long-running session holds. */
    static final int MAX_BARS = 1_000;

    /** What a live bar did to the series. */
    public enum Change { REPLACED_LAST, APPENDED, IGNORED }

    private final String symbol;
    private final ChartInterval interval;
    private final List<Candle> candles = new ArrayList<>();

    public CandleSeries(String symbol, ChartInterval interval, List<Candle> history) {
        this.symbol = symbol;
        this.interval = interval;
        history.stream().filter(c -> symbol.equals(c.symbol())).forEach(this::apply);
    }

    public String symbol() {
        return symbol;
    }

    public ChartInterval interval() {
        return interval;
    }

    public List<Candle> candles() {
        return List.copyOf(candles);
    }

    public Change apply(Candle bar) {
        if (!symbol.equals(bar.symbol())) {
            return Change.IGNORED;
        }
        if (!candles.isEmpty()) {
            Candle last = candles.get(candles.size() - 1);
            int order = bar.time().compareTo(last.time());
            if (order < 0) {
                return Change.IGNORED;
            }
            if (order == 0) {
                candles.set(candles.size() - 1, bar);
                return Change.REPLACED_LAST;
            }
        }
        candles.add(bar);
        if (candles.size() > MAX_BARS) {
            candles.remove(0);
        }
        return Change.APPENDED;
    }
}
