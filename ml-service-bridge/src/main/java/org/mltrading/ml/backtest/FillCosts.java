package org.mltrading.ml.backtest;

import java.math.BigDecimal;
import org.mltrading.api.common.Side;
import org.mltrading.api.venue.FillPricing;

/**
 * The venue's execution costs as the backtester applies them: a market order fills at the touch moved
 * by the slippage and pays the fee, with the venue's own arithmetic ({@link FillPricing}) and the same
 * configuration keys ({@code platform.venue.slippage-bps}, {@code platform.venue.fee-bps}).
 */
public record FillCosts(BigDecimal slippageBps, BigDecimal feeBps) {

    public static FillCosts venueDefaults() {
        return new FillCosts(BigDecimal.ONE, new BigDecimal("0.5"));
    }

    public BigDecimal price(Side side, BigDecimal touch) {
        return FillPricing.marketPrice(side, touch, slippageBps);
    }

    public BigDecimal fee(BigDecimal price, BigDecimal quantity) {
        return FillPricing.fee(price, quantity, feeBps);
    }

    /** Cost of one side of a trade as a fraction of the notional (slippage + fee). */
    public double oneWayFraction() {
        return slippageBps.add(feeBps).doubleValue() / 10_000;
    }
}
