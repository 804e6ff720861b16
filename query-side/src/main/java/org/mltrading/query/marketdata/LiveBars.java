package org.mltrading.query.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Builds the current bar of every symbol and interval in memory from live trades, so the {@code bars}
 * subscription needs no query per tick. The same trades go to QuestDB, where the {@code bars} query
 * samples them: both views agree once the trades are applied there.
 */
@Component
public class LiveBars implements MarketDataSink {

    private final Map<String, Bar> current = new ConcurrentHashMap<>();
    private final Sinks.Many<Bar> updates = Sinks.many().multicast().directBestEffort();

    @Override
    public void accept(Quote quote) {
        // bars are made of trades only
    }

    @Override
    public void accept(Trade trade) {
        for (BarInterval interval : BarInterval.values()) {
            Bar bar = current.compute(trade.symbol() + '|' + interval, (key, open) -> next(open, trade, interval));
            synchronized (updates) {
                updates.tryEmitNext(bar);
            }
        }
    }

    public Flux<Bar> updates() {
        return updates.asFlux();
    }

    static Bar next(Bar open, Trade trade, BarInterval interval) {
        Instant start = Instant.ofEpochMilli(interval.startOf(trade.time().toEpochMilli()));
        if (open == null || start.isAfter(open.time())) {
            return new Bar(trade.symbol(), interval, start, trade.price(), trade.price(), trade.price(), trade.price(),
                    trade.size());
        }
        if (start.isBefore(open.time())) {
            return open; // a late trade of a closed bar: QuestDB has it, the live bar moves on
        }
        BigDecimal price = trade.price();
        return new Bar(open.symbol(), interval, open.time(), open.open(), open.high().max(price), open.low().min(price),
                price, open.volume().add(trade.size()));
    }
}
