package org.mltrading.api.account;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/**
 * The account figures the pre-trade check enforces, defined once: the account aggregate computes them
 * for its checks, the {@code account} query and the risk page show the same numbers (a contract test
 * feeds one event stream to both and compares). Money in the account currency, quantities in units.
 *
 * @param grossExposure    Σ |position quantity × average price| + {@code reservedExposure}
 * @param reservedExposure Σ notional still reserved by the account's open orders
 * @param dailyLoss        realised loss of the current UTC day, fees included, as a positive amount;
 *                         0 when the day made money
 * @param largestPosition  the largest |position quantity| of any instrument
 */
public record AccountFigures(BigDecimal grossExposure, BigDecimal reservedExposure, BigDecimal dailyLoss,
                             BigDecimal largestPosition) {

    /** A position as the figures see it: signed quantity (negative = short) and average entry price. */
    public record Holding(BigDecimal quantity, BigDecimal averagePrice) {
        /** |quantity × average price|: what the position holds against the gross exposure limit. */
        public BigDecimal exposure() {
            return quantity.multiply(averagePrice).abs();
        }
    }

    /**
     * @param realisedPnlToday realised P&L of the current UTC day (negative = loss); null or another
     *                         day's figure must be passed as 0 by the caller
     */
    public static AccountFigures of(Collection<Holding> positions, BigDecimal reservedExposure,
                                    BigDecimal realisedPnlToday) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        for (Holding position : positions) {
            gross = gross.add(position.exposure());
            largest = largest.max(position.quantity().abs());
        }
        BigDecimal reserved = reservedExposure == null ? BigDecimal.ZERO : reservedExposure;
        BigDecimal pnl = realisedPnlToday;
        return new AccountFigures(strip(gross.add(reserved)), strip(reserved), dailyLoss(pnl), strip(largest));
    }

    /** The day's realised loss as a positive amount from its realised P&L (null = 0); 0 when it made money. */
    public static BigDecimal dailyLoss(BigDecimal realisedPnlToday) {
        return realisedPnlToday == null || realisedPnlToday.signum() >= 0 ? BigDecimal.ZERO
                : strip(realisedPnlToday.negate());
    }

    /** value / limit to 8 significant digits (a fraction: 0.05 = 5 %); 0 without a positive limit. */
    public static BigDecimal fraction(BigDecimal value, BigDecimal limit) {
        if (value == null || limit == null || limit.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return strip(value.divide(limit, new MathContext(8)));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
