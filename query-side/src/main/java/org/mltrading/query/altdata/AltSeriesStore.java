package org.mltrading.query.altdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.altdata.AltObservation;
import org.mltrading.api.altdata.FindAltSeriesQuery;
import org.mltrading.query.marketdata.QuestDb;
import org.mltrading.query.marketdata.QuestDbTable;
import org.springframework.stereotype.Component;

/**
 * Alternative-data series in QuestDB ({@value #TABLE}): one row per (time, series, symbol), DEDUP UPSERT
 * on those keys, so a re-import is idempotent and a corrected value replaces the old one.
 */
@Component
public class AltSeriesStore {

    static final String TABLE = "alt_series";
    private static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (ts TIMESTAMP, series SYMBOL,"
            + " symbol SYMBOL, value DOUBLE, source SYMBOL) TIMESTAMP(ts) PARTITION BY YEAR WAL"
            + " DEDUP UPSERT KEYS(ts, series, symbol)";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private final QuestDbTable table;

    AltSeriesStore(QuestDb questDb) {
        this.table = new QuestDbTable(questDb, DDL);
    }

    public void write(List<AltPoint> points, String source) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                     + " (ts, series, symbol, value, source) VALUES (?, ?, ?, ?, ?)")) {
            for (AltPoint point : points) {
                insert.setTimestamp(1, Timestamp.from(point.time()), UTC);
                insert.setString(2, point.series());
                insert.setString(3, stored(point.symbol()));
                insert.setDouble(4, point.value());
                insert.setString(5, source);
                insert.addBatch();
            }
            if (!points.isEmpty()) {
                insert.executeBatch();
            }
        }
    }

    /** Observations of the series (and symbol; "" = market-wide) in [from, to], ascending, at most {@code limit}. */
    public List<AltPoint> find(String series, String symbol, Instant from, Instant to, int limit) throws SQLException {
        String sql = "SELECT ts, value FROM " + TABLE + " WHERE series = ? AND symbol = ? AND ts BETWEEN '"
                + DateTimeFormatter.ISO_INSTANT.format(from) + "' AND '" + DateTimeFormatter.ISO_INSTANT.format(to)
                + "' ORDER BY ts LIMIT " + limit;
        List<AltPoint> points = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, series);
            query.setString(2, stored(symbol));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    points.add(new AltPoint(result.getTimestamp(1, UTC).toInstant(), series, symbol, result.getDouble(2)));
                }
            }
        }
        return points;
    }

    /** The ML bridge's features {@code alt:<series>}: the instrument's rows when it has any, else the market-wide ones. */
    @QueryHandler
    List<AltObservation> handle(FindAltSeriesQuery query) throws SQLException {
        String symbol = query.symbol() == null ? "" : query.symbol();
        List<AltPoint> points = symbol.isEmpty() ? List.of() : find(query.series(), symbol, query.from(), query.to(), MAX_ROWS);
        if (points.isEmpty()) {
            points = find(query.series(), "", query.from(), query.to(), MAX_ROWS);
        }
        return points.stream().map(point -> new AltObservation(point.time(), point.value())).toList();
    }

    static final int MAX_ROWS = 1_000_000;

    /** Market-wide series are stored under "-": an empty SYMBOL reads back as null, which "=" never matches. */
    private static String stored(String symbol) {
        return symbol == null || symbol.isEmpty() ? MARKET_WIDE : symbol;
    }

    static final String MARKET_WIDE = "-";

    private Connection connection() throws SQLException {
        return table.connection();
    }
}
