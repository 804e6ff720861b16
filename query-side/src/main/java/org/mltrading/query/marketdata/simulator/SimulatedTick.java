package org.mltrading.query.marketdata.simulator;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One step of an instrument's simulation: the new top of book and, sometimes, a trade print at it.
 * Prices are on the instrument's tick grid with the tick size's scale, in the quote currency.
 *
 * @param step     1, 2, 3, … per instrument
 * @param last     the latest trade price (the start price rounded to the grid before the first trade)
 * @param mid      the model's mid price (not on the grid), for diagnostics and tests
 * @param variance the model's annualised diffusion variance after the step
 * @param jumps    price jumps within the step
 */
public record SimulatedTick(String symbol, long step, BigDecimal bid, BigDecimal ask, BigDecimal last,
                            Optional<SimulatedTrade> trade, double mid, double variance, int jumps) {
}
