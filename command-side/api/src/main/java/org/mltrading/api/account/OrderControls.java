package org.mltrading.api.account;

import java.math.BigDecimal;
import java.util.Optional;
import org.mltrading.api.marketdata.InstrumentControls;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.OrderTerms;

/**
 * What the firm-wide pre-trade checks need of an order, gathered where it enters (order entry): whether
 * the firm is halted, the order's limit price (null for market and stop orders), the collar's reference
 * price (the last trade, else the mid; null when neither is known) and the instrument's controls.
 */
public record OrderControls(boolean firmHalted, BigDecimal limitPrice, BigDecimal collarReference,
                            String collarReferenceKind, InstrumentControls instrument) {

    /** No firm halt, no limit price, default controls: for callers that check an account alone. */
    public static final OrderControls NONE = new OrderControls(false, null, null, null, InstrumentControls.DEFAULT);

    public OrderControls {
        if (instrument == null) {
            instrument = InstrumentControls.DEFAULT;
        }
    }

    public static OrderControls of(OrderTerms terms, MarketDataPort marketData, boolean firmHalted) {
        return of(terms.symbol(), terms.type().needsLimitPrice() ? terms.limitPrice() : null, marketData, firmHalted);
    }

    public static OrderControls of(String symbol, BigDecimal limitPrice, MarketDataPort marketData, boolean firmHalted) {
        BigDecimal reference = null;
        String kind = null;
        Optional<Quote> quote = marketData.latestQuote(symbol);
        if (quote.isPresent() && quote.get().last() != null && quote.get().last().signum() > 0) {
            reference = quote.get().last();
            kind = "last trade";
        } else if (quote.isPresent() && quote.get().bid() != null && quote.get().ask() != null) {
            reference = quote.get().bid().add(quote.get().ask()).divide(BigDecimal.valueOf(2));
            kind = "mid";
        }
        return new OrderControls(firmHalted, limitPrice, reference, kind, marketData.controls(symbol));
    }
}
