package org.mltrading.query.marketdata.simulator;

import org.mltrading.api.marketdata.AssetClass;

/**
 * Shape of the simulated market, shared by all instruments; each instrument's level and total
 * volatility come from its {@link org.mltrading.query.marketdata.instrument.SimulationParameters}.
 * Rates are per year of 365.25 days (the simulated market trades 24/7).
 *
 * @param meanReversionPerYear speed κ at which the variance returns to its long-run level (12 a year:
 *                             a shock halves in about three weeks)
 * @param volOfVolRatio        volatility of the variance ξ as a multiple of the long-run volatility
 *                             √θ; keeping {@code volOfVolRatio² ≤ 2κ} (Feller) keeps the continuous
 *                             process off zero, the discretisation additionally floors it
 * @param correlation          between price and variance shocks (negative: the leverage effect)
 * @param jumpsPerHour         mean rate of Poisson price jumps per instrument
 * @param jumpVarianceShare    fraction of the instrument's total variance that comes from jumps; the
 *                             rest is diffusion, so realised volatility matches the configured one
 * @param spreadFactor         quoted spread as a fraction of the one-day volatility (0.005 of a 1.3 %
 *                             day is 0.65 bp), never less than one tick; it widens with the variance
 * @param tradeProbability     chance that a quote update at long-run variance comes with a trade
 *                             print; it rises with the variance and is certain after a jump
 * @param tradeSizeDispersion  σ of the log of a trade's notional (lognormal sizes)
 */
public record ModelParameters(double meanReversionPerYear, double volOfVolRatio, double correlation,
                              double jumpsPerHour, double jumpVarianceShare, double spreadFactor,
                              double tradeProbability, double tradeSizeDispersion) {

    /** The defaults of the live feed. */
    public static final ModelParameters DEFAULTS = new ModelParameters(12, 2.5, -0.5, 3, 0.2, 0.005, 0.3, 1.0);

    public ModelParameters {
        require(meanReversionPerYear > 0, "meanReversionPerYear must be positive");
        require(volOfVolRatio >= 0, "volOfVolRatio must not be negative");
        require(correlation >= -1 && correlation <= 1, "correlation must be within [-1, 1]");
        require(jumpsPerHour >= 0 && Double.isFinite(jumpsPerHour), "jumpsPerHour must not be negative");
        require(jumpVarianceShare >= 0 && jumpVarianceShare < 1, "jumpVarianceShare must be within [0, 1)");
        require(spreadFactor >= 0, "spreadFactor must not be negative");
        require(tradeProbability >= 0 && tradeProbability <= 1, "tradeProbability must be within [0, 1]");
        require(tradeSizeDispersion >= 0, "tradeSizeDispersion must not be negative");
    }

    public ModelParameters withJumpsPerHour(double rate) {
        return new ModelParameters(meanReversionPerYear, volOfVolRatio, correlation, rate, jumpVarianceShare,
                spreadFactor, tradeProbability, tradeSizeDispersion);
    }

    public ModelParameters withVolOfVolRatio(double ratio) {
        return new ModelParameters(meanReversionPerYear, ratio, correlation, jumpsPerHour, jumpVarianceShare,
                spreadFactor, tradeProbability, tradeSizeDispersion);
    }

    /** Median notional of one trade print, in the quote currency: retail-sized equity and crypto, FX in tickets. */
    public double medianTradeNotional(AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY -> 10_000;
            case ETF -> 20_000;
            case CRYPTO -> 5_000;
            case FX -> 250_000;
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
