package org.mltrading.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;

/** The real AAPL daily bars of 2013 shipped in ta4j-examples, read straight from its CSV. */
public final class AppleDailyBars {

    public static final String RESOURCE = "appleinc_bars_from_20130101_usd.csv";

    private AppleDailyBars() {
    }

    public static List<Bar> load() {
        try (InputStream in = AppleDailyBars.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath (ta4j-examples)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Bar> bars = new ArrayList<>();
            reader.readLine(); // date,open,high,low,close,volume
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                bars.add(new Bar("AAPL", BarInterval.ONE_DAY, LocalDate.parse(f[0]).atStartOfDay().toInstant(ZoneOffset.UTC),
                        new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]),
                        new BigDecimal(f[5])));
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] closes(List<Bar> bars) {
        return bars.stream().mapToDouble(bar -> bar.close().doubleValue()).toArray();
    }
}
