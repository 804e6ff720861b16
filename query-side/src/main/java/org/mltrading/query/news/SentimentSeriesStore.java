package org.mltrading.query.news;

import java.nio.charset.StandardCharsets;
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
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.marketdata.QuestDb;
import org.mltrading.query.marketdata.QuestDbTable;
import org.springframework.stereotype.Component;

/**
 * The sentiment time series in QuestDB ({@value #TABLE}): one row per (item, instrument it concerns) at
 * the item's publication time with the mention's score. DEDUP UPSERT on (ts, symbol, item) makes a
 * re-import or a retried batch idempotent. Bars are sampled from it when asked, so an item counts in
 * the bar it was published in: point in time, nothing from after a bar's close.
 */
@Component
public class SentimentSeriesStore {

    static final String TABLE = "news_sentiment";
    private static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE + " (ts TIMESTAMP, symbol SYMBOL,"
            + " item LONG, news_id VARCHAR, kind SYMBOL, score DOUBLE)"
            + " TIMESTAMP(ts) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(ts, symbol, item)";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** One bar of the series: items published in [time, time + interval), their mean score. */
    public record Bucket(Instant time, long count, double scoreSum) {
    }

    private final QuestDbTable table;

    SentimentSeriesStore(QuestDb questDb) {
        this.table = new QuestDbTable(questDb, DDL);
    }

    /** Writes the mentions of the items (all of them, in one statement batch). */
    public void write(List<NewsItem> items) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                     + " (ts, symbol, item, news_id, kind, score) VALUES (?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (NewsItem item : items) {
                for (NewsItem.Mention mention : item.mentions()) {
                    insert.setTimestamp(1, Timestamp.from(item.publishedAt()), UTC);
                    insert.setString(2, mention.symbol());
                    insert.setLong(3, key(item.id()));
                    insert.setString(4, item.id());
                    insert.setString(5, item.kind().name());
                    insert.setDouble(6, mention.score());
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Non-empty buckets of the symbol's items published in [from, to), ascending. */
    public List<Bucket> buckets(String symbol, BarInterval interval, Instant from, Instant to) throws SQLException {
        String sql = "SELECT ts, count(), sum(score) FROM " + TABLE + " WHERE symbol = ? AND ts >= '"
                + DateTimeFormatter.ISO_INSTANT.format(from) + "' AND ts < '" + DateTimeFormatter.ISO_INSTANT.format(to)
                + "' SAMPLE BY " + interval.sampleBy() + " ALIGN TO CALENDAR";
        TreeMap<Instant, Bucket> buckets = new TreeMap<>();
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Instant time = result.getTimestamp(1, UTC).toInstant();
                    buckets.put(time, new Bucket(time, result.getLong(2), result.getDouble(3)));
                }
            }
        }
        return new ArrayList<>(buckets.values());
    }

    /** A stable 64-bit key of an item id (CRC32C of both halves: collisions within one timestamp are negligible). */
    static long key(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        CRC32C first = new CRC32C();
        first.update(bytes, 0, bytes.length / 2);
        CRC32C second = new CRC32C();
        second.update(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        return (first.getValue() << 32) ^ second.getValue() ^ bytes.length;
    }

    private Connection connection() throws SQLException {
        return table.connection();
    }
}
