package org.mltrading.query.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.marketdata.QuestDb;
import org.springframework.stereotype.Component;

/**
 * Predictions in QuestDB ({@code predictions}): one row per (bar, symbol, model version), written
 * when made and rewritten in full when scored. DEDUP UPSERT on those keys makes both writes and any
 * replay idempotent. Outcome columns stay null (NaN) until scored.
 */
@Component
class PredictionStore {

    static final String TABLE = "predictions";
    private static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (ts TIMESTAMP, symbol SYMBOL,"
            + " model_version SYMBOL, bar_interval SYMBOL, prediction_id VARCHAR, made_at TIMESTAMP, value DOUBLE,"
            + " lower80 DOUBLE, upper80 DOUBLE, lower95 DOUBLE, upper95 DOUBLE, scored BOOLEAN, realised DOUBLE,"
            + " hit BOOLEAN, within80 BOOLEAN, within95 BOOLEAN, stream_cursor LONG)"
            + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, model_version)";
    private static final String COLUMNS = "ts, symbol, model_version, bar_interval, prediction_id, made_at, value,"
            + " lower80, upper80, lower95, upper95, scored, realised, hit, within80, within95, stream_cursor";
    /** Tables made before predictions had cursors get the column (null there: read as 0). */
    private static final String ADD_CURSOR = "ALTER TABLE " + TABLE + " ADD COLUMN stream_cursor LONG";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private final QuestDb questDb;
    private volatile boolean created;

    PredictionStore(QuestDb questDb) {
        this.questDb = questDb;
    }

    void write(PredictionRow row) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(row.barTime()), UTC);
            insert.setString(2, row.symbol());
            insert.setString(3, row.modelVersion());
            insert.setString(4, row.interval().name());
            insert.setString(5, row.id());
            insert.setTimestamp(6, Timestamp.from(row.time()), UTC);
            insert.setDouble(7, row.value());
            insert.setDouble(8, row.lower80());
            insert.setDouble(9, row.upper80());
            insert.setDouble(10, row.lower95());
            insert.setDouble(11, row.upper95());
            boolean scored = row.realisedReturn() != null;
            insert.setBoolean(12, scored);
            insert.setDouble(13, scored ? row.realisedReturn() : Double.NaN);
            insert.setBoolean(14, scored && row.directionHit());
            insert.setBoolean(15, scored && row.within80());
            insert.setBoolean(16, scored && row.within95());
            insert.setLong(17, row.cursor());
            insert.executeUpdate();
        }
    }

    List<PredictionRow> find(String symbol, Instant from, Instant to, int limit) throws SQLException {
        return find(symbol, from, to, "ORDER BY made_at LIMIT " + limit);
    }

    /** The most recent prediction for the symbol made in [from, to], of any model version. */
    java.util.Optional<PredictionRow> latest(String symbol, Instant from, Instant to) throws SQLException {
        return find(symbol, from, to, "ORDER BY made_at DESC LIMIT 1").stream().findFirst();
    }

    private List<PredictionRow> find(String symbol, Instant from, Instant to, String order) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE symbol = ? AND made_at BETWEEN '"
                + DateTimeFormatter.ISO_INSTANT.format(from) + "' AND '" + DateTimeFormatter.ISO_INSTANT.format(to)
                + "' " + order;
        List<PredictionRow> rows = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    boolean scored = result.getBoolean(12);
                    rows.add(new PredictionRow(result.getString(5), result.getString(2), result.getString(3),
                            BarInterval.valueOf(result.getString(4)), time(result, 1), time(result, 6),
                            result.getDouble(7), result.getDouble(8), result.getDouble(9), result.getDouble(10),
                            result.getDouble(11), scored ? result.getDouble(13) : null,
                            scored ? result.getBoolean(14) : null, scored ? result.getBoolean(15) : null,
                            scored ? result.getBoolean(16) : null, Math.max(0, result.getLong(17))));
                }
            }
        }
        return rows;
    }

    /** Scored predictions of a model version and how many hit and fell inside each interval. */
    Score score(String modelVersion) throws SQLException {
        String sql = "SELECT count(), sum(CASE WHEN hit THEN 1 ELSE 0 END), sum(CASE WHEN within80 THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN within95 THEN 1 ELSE 0 END) FROM " + TABLE + " WHERE model_version = ? AND scored";
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, modelVersion);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return new Score(0, 0, 0, 0);
                }
                return new Score(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
            }
        }
    }

    record Score(long scored, long hits, long within80, long within95) {
    }

    private static boolean hasCursorColumn(Statement ddl) throws SQLException {
        try (ResultSet column = ddl.executeQuery("SELECT count() FROM table_columns('" + TABLE
                + "') WHERE \"column\" = 'stream_cursor'")) {
            return column.next() && column.getLong(1) > 0;
        }
    }

    /**
     * A WAL table applies an ALTER asynchronously: until it shows the column, a query naming it fails
     * ("Invalid column", seen in PredictionStoreUpgradeIT). The store is handed out only once it does.
     */
    private static void awaitCursorColumn(Statement ddl) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!hasCursorColumn(ddl)) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("predictions.stream_cursor was added but is not visible after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the predictions table is upgraded", e);
            }
        }
    }

    /** Another store (or node) may have added it a moment ago, not yet visible in table_columns. */
    private static void addCursorColumn(Statement ddl) throws SQLException {
        try {
            ddl.execute(ADD_CURSOR);
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = questDb.connection();
        if (!created) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute(DDL);
                // not IF NOT EXISTS: QuestDB refuses a no-op ALTER on a WAL table
                if (!hasCursorColumn(ddl)) {
                    addCursorColumn(ddl);
                    awaitCursorColumn(ddl);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            created = true;
        }
        return connection;
    }

    private static Instant time(ResultSet result, int column) throws SQLException {
        return result.getTimestamp(column, UTC).toInstant();
    }
}
