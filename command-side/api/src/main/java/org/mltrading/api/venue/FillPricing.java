package org.mltrading.api.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.mltrading.api.common.Side;

/**
 * The venue's price arithmetic for market executions and fees, shared by the simulated venue and the
 * backtester so that a backtest pays exactly what the venue would charge. Prices and fees are rounded
 * to 8 decimals, HALF_EVEN (banker's rounding, no drift over many fills).
 */
public final class FillPricing {

    public static final int PRICE_SCALE = 8;
    public static final int FEE_SCALE = 8;
    private static final BigDecimal BPS = new BigDecimal("10000");

    private FillPricing() {
    }

    /** Touch moved against the order by {@code slippageBps}: BUY pays touch × (1 + s), SELL gets touch × (1 − s). */
    public static BigDecimal marketPrice(Side side, BigDecimal touch, BigDecimal slippageBps) {
        BigDecimal slip = slippageBps.divide(BPS, MathContext.DECIMAL128);
        BigDecimal factor = side == Side.BUY ? BigDecimal.ONE.add(slip) : BigDecimal.ONE.subtract(slip);
        return touch.multiply(factor).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code feeBps} of price × quantity, in the quote currency. */
    public static BigDecimal fee(BigDecimal price, BigDecimal quantity, BigDecimal feeBps) {
        return price.multiply(quantity).multiply(feeBps).divide(BPS, FEE_SCALE, RoundingMode.HALF_EVEN);
    }
}
