package org.mltrading.query.marketdata;

import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;

/** A consumer of everything published on the hub (storage, live bars). Must not block for long. */
public interface MarketDataSink {

    void accept(Quote quote);

    void accept(Trade trade);
}
