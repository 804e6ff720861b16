package org.mltrading.ui.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import org.mltrading.graphql.types.Quote;

/** Top of book of one symbol as the UI shows it; bid, ask or last may be null (none yet). */
public record QuoteTick(String symbol, BigDecimal bid, BigDecimal ask, BigDecimal last, Instant time) {

    static QuoteTick from(Quote quote) {
        return new QuoteTick(quote.getSymbol(), quote.getBid(), quote.getAsk(), quote.getLast(),
                quote.getTime() == null ? null : quote.getTime().toInstant());
    }

    /** The price positions are marked at: last trade, else the mid, else whichever side exists. */
    public BigDecimal mark() {
        if (last != null) {
            return last;
        }
        if (bid != null && ask != null) {
            return bid.add(ask).divide(BigDecimal.valueOf(2));
        }
        return bid != null ? bid : ask;
    }
}
