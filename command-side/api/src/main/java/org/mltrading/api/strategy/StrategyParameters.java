package org.mltrading.api.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a strategy turns a forecast into a position.
 *
 * @param orderQuantity  units of the instrument per order: the most the position moves on one prediction
 * @param maxPosition    cap on the strategy's position in units, long or short (≥ orderQuantity)
 * @param entryThreshold forecast of the next bar's log return (a fraction: 0.0005 = 5 bp) that must be
 *                       exceeded to go long (or, below its negative, short); inside the band the target stays
 * @param longOnly       never short: a forecast below −entryThreshold targets flat instead
 */
public record StrategyParameters(BigDecimal orderQuantity, BigDecimal maxPosition, double entryThreshold,
                                 boolean longOnly) {

    public StrategyParameters {
        Objects.requireNonNull(orderQuantity, "orderQuantity");
        Objects.requireNonNull(maxPosition, "maxPosition");
    }
}
