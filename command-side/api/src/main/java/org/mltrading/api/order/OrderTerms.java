package org.mltrading.api.order;

import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.MarketDataPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the client asked for. Quantity is in units of the instrument (shares, coins, base currency);
 * prices are in the instrument's quote currency per unit. Exact decimals, never binary floating point.
 */
public record OrderTerms(
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce timeInForce,
        Instant expireAt) {

    public OrderTerms {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    /**
     * The price pre-trade risk values the order at (quote currency per unit): the limit for LIMIT and
     * STOP_LIMIT, the stop for STOP (the price at which it becomes a market order), else the touch the
     * order would take now (ask to buy, bid to sell); null when that is needed and no quote is known.
     * One rule for the order-flow saga and for the preview at the GraphQL edge.
     */
    public BigDecimal referencePrice(MarketDataPort marketData) {
        if (type.needsLimitPrice() && limitPrice != null) {
            return limitPrice;
        }
        if (type.needsStopPrice() && stopPrice != null) {
            return stopPrice;
        }
        return marketData.latestQuote(symbol)
                .map(quote -> side == Side.BUY ? quote.ask() : quote.bid())
                .orElse(null);
    }
}
