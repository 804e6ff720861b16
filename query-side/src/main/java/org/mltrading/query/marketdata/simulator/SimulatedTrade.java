package org.mltrading.query.marketdata.simulator;

import java.math.BigDecimal;

/**
 * A simulated trade print.
 *
 * @param price          at the ask when a buyer crossed the spread, at the bid when a seller did; on
 *                       the tick grid, in the quote currency
 * @param size           a positive multiple of the lot size, in units of the instrument
 * @param buyerInitiated whether the aggressor bought (lifted the ask)
 * @param tradeId        1, 2, 3, … per instrument
 */
public record SimulatedTrade(BigDecimal price, BigDecimal size, boolean buyerInitiated, long tradeId) {
}
