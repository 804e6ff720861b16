package org.mltrading.ops.history;

import io.questdb.client.Sender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.mltrading.query.marketdata.MarketDataTables;

/**
 * The platform's QuestDB as the import sees it: SQL over the PostgreSQL wire (schema, counts, WAL
 * state) and rows over ILP/HTTP, whose {@code flush()} returns once the rows are committed to the WAL —
 * visible only after the WAL is applied, which {@link #awaitApplied} waits for.
 */
final class QuestDbHistoryStore implements AutoCloseable {

    static final int BATCH = 10_000;

    private final HostPort ilp;
    private final HostPort pg;
    private Connection connection;

    QuestDbHistoryStore(HostPort ilp, HostPort pg) {
        this.ilp = ilp;
        this.pg = pg;
    }

    /** A {@code host:port}. */
    record HostPort(String host, int port) {

        static HostPort parse(String text, String option) {
            int colon = text.lastIndexOf(':');
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(text.substring(0, colon), port);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException(option + " must be host:port, was '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Raised when QuestDB does not answer; the message says where it was looked for. */
    static final class UnreachableException extends Exception {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Opens the SQL connection and checks that the ILP/HTTP endpoint answers. */
    void connect() throws UnreachableException {
        Properties properties = new Properties();
        properties.setProperty("user", "admin");
        properties.setProperty("password", "quest");
        properties.setProperty("sslmode", "disable");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("socketTimeout", "300");
        String url = "jdbc:postgresql://" + pg + "/qdb";
        try {
            connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new UnreachableException("QuestDB SQL (PG wire) at " + pg + ": " + e.getMessage(), e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create("http://" + ilp + "/ping"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (ping.statusCode() >= 300) {
                throw new UnreachableException("QuestDB ILP/HTTP at " + ilp + " answered " + ping.statusCode()
                        + " to /ping (is that QuestDB's HTTP port?)", null);
            }
        } catch (IOException e) {
            throw new UnreachableException("QuestDB ILP/HTTP at " + ilp + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted", e);
        }
    }

    /** The platform creates them on start; a fresh store gets them here, with their DEDUP keys. */
    void ensureTables() throws SQLException {
        MarketDataTables.create(connection);
    }

    /** Visible rows of one symbol from one source. */
    long count(HistoryKind kind, String symbol, String source) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count() FROM " + kind.table() + " WHERE symbol = ? AND source = ?")) {
            statement.setString(1, symbol);
            statement.setString(2, source);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Sends all rows in batches; each flush is committed to the WAL before the next batch starts. */
    void send(ImportSpec spec, String source, List<HistoryRow> rows, Progress progress) {
        try (Sender sender = Sender.fromConfig("http::addr=" + ilp + ";auto_flush=off;retry_timeout=30000;")) {
            int inBatch = 0;
            int sent = 0;
            for (HistoryRow row : rows) {
                write(sender, spec, source, row);
                if (++inBatch == BATCH) {
                    sender.flush();
                    sent += inBatch;
                    inBatch = 0;
                    progress.sent(sent, rows.size());
                }
            }
            if (inBatch > 0) {
                sender.flush();
                sent += inBatch;
                progress.sent(sent, rows.size());
            }
        }
    }

    private static void write(Sender sender, ImportSpec spec, String source, HistoryRow row) {
        if (row instanceof HistoryRow.Bar bar) {
            sender.table(MarketDataTables.BARS)
                    .symbol("symbol", spec.symbol())
                    .symbol("bar_interval", spec.interval().name())
                    .symbol("source", source)
                    .decimalColumn("open", bar.open().toPlainString())
                    .decimalColumn("high", bar.high().toPlainString())
                    .decimalColumn("low", bar.low().toPlainString())
                    .decimalColumn("close", bar.close().toPlainString());
            if (bar.volume() != null) {
                sender.decimalColumn("volume", bar.volume().toPlainString());
            }
            sender.at(bar.micros(), ChronoUnit.MICROS);
        } else if (row instanceof HistoryRow.Trade trade) {
            sender.table(MarketDataTables.TRADES)
                    .symbol("symbol", spec.symbol())
                    .symbol("source", source)
                    .decimalColumn("price", trade.price().toPlainString())
                    .decimalColumn("size", trade.size().toPlainString())
                    .longColumn("trade_id", trade.tradeId())
                    .at(trade.micros(), ChronoUnit.MICROS);
        }
    }

    /**
     * Waits until QuestDB has applied every WAL transaction committed so far to {@code table}, so what
     * was flushed is visible to queries; a suspended table (e.g. disk full) is an error, not a wait.
     */
    void awaitApplied(HistoryKind kind, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = -1;
        while (true) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT suspended, writerTxn, sequencerTxn, errorMessage FROM wal_tables() WHERE name = ?")) {
                statement.setString(1, kind.table());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new SQLException("table " + kind.table() + " is not a WAL table");
                    }
                    if (rows.getBoolean(1)) {
                        throw new SQLException("QuestDB suspended table " + kind.table() + ": " + rows.getString(4));
                    }
                    long writerTxn = rows.getLong(2);
                    if (target < 0) {
                        target = rows.getLong(3);
                    }
                    if (writerTxn >= target) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("QuestDB has not applied the rows to " + kind.table() + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: nothing left to do
            }
        }
    }

    /** Progress of sending: rows flushed so far of all rows. */
    @FunctionalInterface
    interface Progress {
        void sent(int sent, int total);
    }
}
