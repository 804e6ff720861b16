package org.mltrading.query.portfolio;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.marketdata.MarketDataQueries;
import org.springframework.stereotype.Service;

/**
 * Simple close-to-close returns of several instruments on the bar times they all have (a time one of them
 * lacks is skipped for all, so each row is one common period), read from the stored bars.
 */
@Service
public class ReturnHistory {

    /**
     * @param returns    rows = periods (oldest first), columns = {@code symbols}
     * @param lastCloses each symbol's close at the last common bar time
     * @param times      the common bar times (one more than the returns)
     */
    public record Series(List<String> symbols, BarInterval interval, double[][] returns, double[] lastCloses,
                         List<Instant> times) {

        /** Bar times per year of the window: observed periods over the span, for annualising. */
        public double periodsPerYear() {
            if (times.size() < 2) {
                return 0;
            }
            double years = (times.get(times.size() - 1).toEpochMilli() - times.get(0).toEpochMilli()) / (365.25 * 86_400_000.0);
            return years <= 0 ? 0 : returns.length / years;
        }
    }

    private final MarketDataQueries bars;

    ReturnHistory(MarketDataQueries bars) {
        this.bars = bars;
    }

    public Series load(List<String> symbols, BarInterval interval, Instant from, Instant to) throws SQLException {
        List<Map<Instant, Double>> closes = new ArrayList<>();
        TreeSet<Instant> common = null;
        for (String symbol : symbols) {
            Map<Instant, Double> byTime = new HashMap<>();
            for (Bar bar : bars.bars(symbol, interval, from, to)) {
                byTime.put(bar.time(), bar.close().doubleValue());
            }
            closes.add(byTime);
            if (common == null) {
                common = new TreeSet<>(byTime.keySet());
            } else {
                common.retainAll(byTime.keySet());
            }
        }
        List<Instant> times = new ArrayList<>(common == null ? List.of() : common);
        int n = Math.max(0, times.size() - 1);
        double[][] returns = new double[n][symbols.size()];
        double[] last = new double[symbols.size()];
        for (int i = 0; i < symbols.size(); i++) {
            Map<Instant, Double> byTime = closes.get(i);
            for (int t = 0; t < n; t++) {
                returns[t][i] = byTime.get(times.get(t + 1)) / byTime.get(times.get(t)) - 1;
            }
            last[i] = times.isEmpty() ? 0 : byTime.get(times.get(times.size() - 1));
        }
        return new Series(List.copyOf(symbols), interval, returns, last, times);
    }
}
