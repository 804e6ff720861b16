package org.mltrading.query.marketdata.instrument;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where and how wildly the simulated feed moves an instrument.
 *
 * @param startPrice       the first simulated mid price, in the quote currency per unit (need not be on
 *                         the tick grid: quotes are rounded onto it)
 * @param annualVolatility standard deviation of log returns over one 24/7 year (365.25 days), as a
 *                         fraction (0.25 = 25 %), diffusion and jumps together
 */
public record SimulationParameters(BigDecimal startPrice, double annualVolatility) {

    /** Above this a "volatility" is almost certainly a percentage typed by mistake. */
    static final double MAX_ANNUAL_VOLATILITY = 5.0;

    public SimulationParameters {
        Objects.requireNonNull(startPrice, "startPrice");
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException("start price must be positive: " + startPrice);
        }
        if (!(annualVolatility > 0 && annualVolatility <= MAX_ANNUAL_VOLATILITY)) {
            throw new IllegalArgumentException("annual volatility must be a fraction in (0, "
                    + MAX_ANNUAL_VOLATILITY + "], e.g. 0.25 for 25 %: " + annualVolatility);
        }
    }
}
