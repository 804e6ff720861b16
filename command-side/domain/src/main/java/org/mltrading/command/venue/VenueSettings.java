package org.mltrading.command.venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated venue executes.
 *
 * @param slippageBps       how far a market (or triggered stop) order fills beyond the touch, in basis
 *                          points of the touch price (1 bp = 0.0001): BUY pays ask × (1 + s), SELL gets
 *                          bid × (1 − s)
 * @param feeBps            fee per fill in basis points of the fill's notional (price × quantity), in
 *                          the quote currency
 * @param liquidityPerQuote the most units one order can fill against one quote (its visible size);
 *                          a larger order fills in parts over successive quotes
 * @param latency           delay between an order's acceptance and its arrival at the venue
 */
public record VenueSettings(BigDecimal slippageBps, BigDecimal feeBps, BigDecimal liquidityPerQuote,
                            Duration latency) {

    public static final BigDecimal DEFAULT_SLIPPAGE_BPS = BigDecimal.ONE;
    public static final BigDecimal DEFAULT_FEE_BPS = new BigDecimal("0.5");
    /** Large enough that market orders fill at once unless a smaller size is configured. */
    public static final BigDecimal DEFAULT_LIQUIDITY_PER_QUOTE = new BigDecimal("1000000000");

    public VenueSettings {
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(feeBps, "feeBps");
        Objects.requireNonNull(liquidityPerQuote, "liquidityPerQuote");
        Objects.requireNonNull(latency, "latency");
        if (slippageBps.signum() < 0 || feeBps.signum() < 0) {
            throw new IllegalArgumentException("slippage and fee must not be negative");
        }
        if (liquidityPerQuote.signum() <= 0) {
            throw new IllegalArgumentException("liquidity per quote must be positive: " + liquidityPerQuote);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
    }

    public static VenueSettings defaults() {
        return new VenueSettings(DEFAULT_SLIPPAGE_BPS, DEFAULT_FEE_BPS, DEFAULT_LIQUIDITY_PER_QUOTE, Duration.ZERO);
    }

    public VenueSettings withSlippageBps(BigDecimal value) {
        return new VenueSettings(value, feeBps, liquidityPerQuote, latency);
    }

    public VenueSettings withFeeBps(BigDecimal value) {
        return new VenueSettings(slippageBps, value, liquidityPerQuote, latency);
    }

    public VenueSettings withLiquidityPerQuote(BigDecimal value) {
        return new VenueSettings(slippageBps, feeBps, value, latency);
    }

    public VenueSettings withLatency(Duration value) {
        return new VenueSettings(slippageBps, feeBps, liquidityPerQuote, value);
    }
}
