package org.mltrading.query.marketdata;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.springframework.stereotype.Service;

/**
 * Reads of the market-data tables. Bars are computed by QuestDB ({@code SAMPLE BY}, calendar-aligned
 * UTC) over trades, together with the simulator's one-minute warm-start history for intervals of a
 * minute and longer, and merged with stored bars of the same interval (imported history such as
 * daily equity bars, which has no trades); a stored bar wins over a sampled one of the same time.
 */
@Service
public class MarketDataQueries {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ISO_INSTANT;

    private final QuestDb questDb;

    public MarketDataQueries(QuestDb questDb) {
        this.questDb = questDb;
    }

    public List<Bar> bars(String symbol, BarInterval interval, Instant from, Instant to) throws SQLException {
        Map<Instant, Bar> merged = new TreeMap<>();
        boolean finerThanHistory = interval.length().compareTo(BarInterval.ONE_MINUTE.length()) < 0;
        String range = " ts BETWEEN '" + MICROS.format(from) + "' AND '" + MICROS.format(to) + "'";
        String sampled;
        if (finerThanHistory) {
            sampled = "SELECT ts, first(price) open, max(price) high, min(price) low, last(price) close, sum(size) volume"
                    + " FROM trades WHERE symbol = ? AND" + range + " SAMPLE BY " + interval.sampleBy() + " ALIGN TO CALENDAR";
        } else {
            // trades and the simulator's one-minute history bars in time order, so that a bar that is
            // part history and part trades (the warm start's seam) opens and closes where it should
            sampled = "SELECT ts, first(open) open, max(high) high, min(low) low, last(close) close, sum(volume) volume"
                    + " FROM (SELECT * FROM ("
                    + "SELECT ts, price open, price high, price low, price close, size volume FROM trades"
                    + " WHERE symbol = ? AND" + range
                    + " UNION ALL SELECT ts, open, high, low, close, volume FROM bars WHERE symbol = ?"
                    + " AND bar_interval = 'ONE_MINUTE' AND source = '" + QuestDbSimulatedHistoryStore.SOURCE + "' AND" + range
                    + ") ORDER BY ts) timestamp(ts) SAMPLE BY " + interval.sampleBy() + " ALIGN TO CALENDAR";
        }
        query(sampled, symbol, finerThanHistory ? null : symbol,
                rows -> merged.put(time(rows), bar(symbol, interval, rows)));
        String stored = "SELECT ts, open, high, low, close, volume FROM bars WHERE symbol = ? AND bar_interval = ?"
                + " AND (source IS NULL OR source != '" + QuestDbSimulatedHistoryStore.SOURCE + "') AND" + range;
        query(stored, symbol, interval.name(), rows -> merged.put(time(rows), bar(symbol, interval, rows)));
        return new ArrayList<>(merged.values());
    }

    public List<Trade> trades(String symbol, Instant from, Instant to, int limit) throws SQLException {
        List<Trade> trades = new ArrayList<>();
        String sql = "SELECT ts, price, size, trade_id FROM trades WHERE symbol = ? AND ts BETWEEN '"
                + MICROS.format(from) + "' AND '" + MICROS.format(to) + "' LIMIT " + limit;
        query(sql, symbol, null, rows -> trades.add(new Trade(symbol, org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(2)),
                org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(3)), rows.getLong(4), time(rows))));
        return trades;
    }

    public Optional<Quote> latestQuote(String symbol) throws SQLException {
        List<Quote> quotes = new ArrayList<>(1);
        query("SELECT ts, bid, ask, last FROM quotes WHERE symbol = ? LATEST ON ts PARTITION BY symbol", symbol, null,
                rows -> quotes.add(new Quote(symbol, org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(2)),
                        org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(3)), org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(4)), time(rows))));
        return quotes.stream().findFirst();
    }

    private static Bar bar(String symbol, BarInterval interval, ResultSet rows) throws SQLException {
        return new Bar(symbol, interval, time(rows), price(rows, 2), price(rows, 3), price(rows, 4), price(rows, 5),
                price(rows, 6));
    }

    private static BigDecimal price(ResultSet rows, int column) throws SQLException {
        return org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(column));
    }

    private static Instant time(ResultSet rows) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(1, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
        return timestamp.toInstant();
    }

    private void query(String sql, String first, String second, RowHandler handler) throws SQLException {
        try (Connection connection = questDb.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
                statement.setString(2, second);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rows) throws SQLException;
    }
}
