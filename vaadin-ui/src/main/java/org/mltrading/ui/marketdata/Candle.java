package org.mltrading.ui.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import org.mltrading.graphql.types.Bar;
import org.mltrading.ui.chart.ChartBar;

/** One OHLCV bar of a symbol: start time (UTC), prices in the quote currency, volume in units. */
public record Candle(String symbol, Instant time, BigDecimal open, BigDecimal high, BigDecimal low,
                     BigDecimal close, BigDecimal volume) {

    static Candle from(Bar bar) {
        return new Candle(bar.getSymbol(), bar.getTime().toInstant(), bar.getOpen(), bar.getHigh(), bar.getLow(),
                bar.getClose(), bar.getVolume());
    }

    /** What the chart draws (seconds since the epoch; numbers as doubles for plotting only). */
    public ChartBar toChartBar() {
        return new ChartBar(time.getEpochSecond(), open.doubleValue(), high.doubleValue(), low.doubleValue(),
                close.doubleValue(), volume.doubleValue());
    }
}
