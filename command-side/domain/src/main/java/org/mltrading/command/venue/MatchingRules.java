package org.mltrading.command.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.venue.FillPricing;

/**
 * The price rules of the simulated venue, as pure functions of an order's terms and one quote.
 * <ul>
 *   <li>MARKET takes the touch (ask for BUY, bid for SELL) moved against the order by the slippage.</li>
 *   <li>LIMIT executes when the market crosses it: BUY when ask ≤ limit, at min(limit, ask); SELL when
 *       bid ≥ limit, at max(limit, bid). No slippage: a limit is never exceeded.</li>
 *   <li>STOP triggers when the market reaches the stop (BUY: ask ≥ stop; SELL: bid ≤ stop) and then
 *       executes as MARKET; STOP_LIMIT triggers the same way and then rests as LIMIT.</li>
 *   <li>Quantity is min(leaves, liquidity per quote); the fee is fee-bps of the notional.</li>
 * </ul>
 * Prices and fees are rounded to 8 decimals, HALF_EVEN (banker's rounding, no drift over many fills).
 */
final class MatchingRules {

    static final int PRICE_SCALE = FillPricing.PRICE_SCALE;

    private final VenueSettings settings;

    MatchingRules(VenueSettings settings) {
        this.settings = settings;
    }

    /** The side of the book an order takes: ask for BUY, bid for SELL; null when the quote lacks it. */
    static BigDecimal touch(Side side, Quote quote) {
        if (quote == null) {
            return null;
        }
        return side == Side.BUY ? quote.ask() : quote.bid();
    }

    /** Whether the market reached a stop: BUY when ask ≥ stop, SELL when bid ≤ stop. */
    static boolean stopReached(Side side, BigDecimal stop, Quote quote) {
        BigDecimal touch = touch(side, quote);
        if (touch == null || stop == null) {
            return false;
        }
        return side == Side.BUY ? touch.compareTo(stop) >= 0 : touch.compareTo(stop) <= 0;
    }

    /**
     * What the order can execute against the quote now, given whether its stop has triggered.
     * Empty when it cannot (no price on its side, limit not crossed, stop not reached).
     */
    Optional<Execution> execution(OrderType type, Side side, BigDecimal limitPrice, BigDecimal stopPrice,
                                  boolean triggered, BigDecimal leaves, Quote quote) {
        if (leaves == null || leaves.signum() <= 0) {
            return Optional.empty();
        }
        boolean live = triggered || !type.needsStopPrice() || stopReached(side, stopPrice, quote);
        if (!live) {
            return Optional.empty();
        }
        Optional<BigDecimal> price = type.needsLimitPrice()
                ? limitPrice(side, limitPrice, quote)
                : marketPrice(side, quote);
        BigDecimal quantity = leaves.min(settings.liquidityPerQuote());
        return price.map(p -> new Execution(p, quantity, fee(p, quantity)));
    }

    /** Touch ± slippage, rounded to 8 decimals (the arithmetic the backtester shares: {@link FillPricing}). */
    Optional<BigDecimal> marketPrice(Side side, Quote quote) {
        BigDecimal touch = touch(side, quote);
        if (touch == null) {
            return Optional.empty();
        }
        return Optional.of(FillPricing.marketPrice(side, touch, settings.slippageBps()));
    }

    static Optional<BigDecimal> limitPrice(Side side, BigDecimal limit, Quote quote) {
        BigDecimal touch = touch(side, quote);
        if (touch == null || limit == null) {
            return Optional.empty();
        }
        boolean crossed = side == Side.BUY ? touch.compareTo(limit) <= 0 : touch.compareTo(limit) >= 0;
        if (!crossed) {
            return Optional.empty();
        }
        BigDecimal price = side == Side.BUY ? touch.min(limit) : touch.max(limit);
        return Optional.of(price.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN));
    }

    /** fee-bps of price × quantity, rounded to 8 decimals. */
    BigDecimal fee(BigDecimal price, BigDecimal quantity) {
        return FillPricing.fee(price, quantity, settings.feeBps());
    }
}
