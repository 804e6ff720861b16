package org.mltrading.ml.backtest;

/**
 * What the backtest engine asks at every bar's close: the side to hold from the next open. One
 * instance serves one run (it may keep running state such as rolling sums or a fitted model), and it
 * is asked once per bar, in bar order, so it may rely on having seen every earlier close.
 */
public interface TradingSignal {

    /** No opinion at this close (not enough history, no model fitted): the engine keeps its current target. */
    int KEEP = Integer.MIN_VALUE;

    /**
     * The direction decided at close {@code i}: +1 long, −1 short, 0 flat, or {@link #KEEP}. Must read
     * closes up to {@code i} only.
     */
    int atClose(int i);
}
