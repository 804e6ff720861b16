package org.mltrading.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;

/**
 * The real BTC-USD Bitstamp trades of 2013-11-25 to 2013-12-01 shipped in ta4j-examples, aggregated to
 * one-minute OHLC bars (a minute without trades has no bar, as in the platform's own bar sampling).
 */
public final class BitstampMinuteBars {

    public static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private BitstampMinuteBars() {
    }

    public static List<Bar> load() {
        try (InputStream in = BitstampMinuteBars.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath (ta4j-examples)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Bar> bars = new ArrayList<>();
            reader.readLine(); // timestamp,price,amount
            long minute = Long.MIN_VALUE;
            BigDecimal open = null;
            BigDecimal high = null;
            BigDecimal low = null;
            BigDecimal close = null;
            BigDecimal volume = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                long tradeMinute = Math.floorDiv(Long.parseLong(f[0]), 60);
                BigDecimal price = new BigDecimal(f[1]);
                BigDecimal amount = new BigDecimal(f[2]);
                if (tradeMinute != minute) {
                    if (open != null) {
                        bars.add(bar(minute, open, high, low, close, volume));
                    }
                    minute = tradeMinute;
                    open = price;
                    high = price;
                    low = price;
                    volume = BigDecimal.ZERO;
                }
                high = high.max(price);
                low = low.min(price);
                close = price;
                volume = volume.add(amount);
            }
            if (open != null) {
                bars.add(bar(minute, open, high, low, close, volume));
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Bar bar(long minute, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                           BigDecimal volume) {
        return new Bar("BTC-USD", BarInterval.ONE_MINUTE, Instant.ofEpochSecond(minute * 60), open, high, low, close,
                volume);
    }
}
