package org.mltrading.query.marketdata;

import io.questdb.client.Sender;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.query.marketdata.simulator.LastPrint;
import org.mltrading.query.marketdata.simulator.SimulatedHistoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The simulator's warm-start history in QuestDB: one-minute bars in {@code bars} and trade prints in
 * {@code trades}, both with source {@value #SOURCE}, written through the ILP sender (the tables' DEDUP
 * keys make a second write of the same rows a no-op) and read back until visible: the tables are WAL
 * tables, which apply a commit asynchronously, and the live predictor reads the bars right after.
 */
@Component
public class QuestDbSimulatedHistoryStore implements SimulatedHistoryStore {

    /** The {@code source} of simulated history rows; the bar queries combine these bars with trades. */
    public static final String SOURCE = "simulated";
    private static final long VISIBLE_WITHIN_MILLIS = 60_000;

    private final QuestDb questDb;
    private final QuestDbSchemaInitializer schema;
    private final String ilpConfig;

    public QuestDbSimulatedHistoryStore(QuestDb questDb, QuestDbSchemaInitializer schema,
                                        @Value("${platform.questdb.ilp}") String ilpConfig) {
        this.questDb = questDb;
        this.schema = schema;
        this.ilpConfig = ilpConfig;
    }

    @Override
    public Optional<LastPrint> lastPrint(String symbol) {
        requireSchema();
        try (Connection connection = questDb.connection()) {
            Optional<LastPrint> trade = latest(connection, "SELECT ts, price FROM trades WHERE symbol = ?"
                    + " AND source IN ('live', '" + SOURCE + "') ORDER BY ts DESC LIMIT 1", symbol, false);
            Optional<LastPrint> bar = latest(connection, "SELECT ts, close FROM bars WHERE symbol = ?"
                    + " AND bar_interval = 'ONE_MINUTE' AND source = '" + SOURCE + "' ORDER BY ts DESC LIMIT 1", symbol, true);
            if (trade.isPresent() && bar.isPresent()) {
                return trade.get().time().isAfter(bar.get().time()) ? trade : bar;
            }
            return trade.isPresent() ? trade : bar;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the last simulated print of " + symbol + " from QuestDB failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void write(String symbol, List<Bar> bars, List<Trade> trades) {
        if (bars.isEmpty() && trades.isEmpty()) {
            return;
        }
        requireSchema();
        try (Sender sender = Sender.fromConfig(ilpConfig)) {
            for (Bar bar : bars) {
                sender.table(MarketDataTables.BARS).symbol("symbol", symbol).symbol("bar_interval", bar.interval().name())
                        .symbol("source", SOURCE);
                decimal(sender, "open", bar.open(), Decimals.PRICE_SCALE);
                decimal(sender, "high", bar.high(), Decimals.PRICE_SCALE);
                decimal(sender, "low", bar.low(), Decimals.PRICE_SCALE);
                decimal(sender, "close", bar.close(), Decimals.PRICE_SCALE);
                decimal(sender, "volume", bar.volume(), Decimals.SIZE_SCALE);
                sender.at(micros(bar.time()), ChronoUnit.MICROS);
            }
            for (Trade trade : trades) {
                sender.table(MarketDataTables.TRADES).symbol("symbol", symbol).symbol("source", SOURCE);
                decimal(sender, "price", trade.price(), Decimals.PRICE_SCALE);
                decimal(sender, "size", trade.size(), Decimals.SIZE_SCALE);
                sender.longColumn("trade_id", trade.tradeId());
                sender.at(micros(trade.time()), ChronoUnit.MICROS);
            }
            sender.flush();
        }
        awaitVisible(symbol, bars.isEmpty() ? null : bars.get(bars.size() - 1).time(),
                trades.isEmpty() ? null : trades.get(trades.size() - 1).time());
    }

    /** Waits until the last bar and the last trade written can be read (WAL applied). */
    private void awaitVisible(String symbol, Instant lastBar, Instant lastTrade) {
        long deadline = System.currentTimeMillis() + VISIBLE_WITHIN_MILLIS;
        while (true) {
            try (Connection connection = questDb.connection()) {
                boolean barsVisible = lastBar == null || visible(connection, "SELECT ts FROM bars WHERE symbol = ?"
                        + " AND bar_interval = 'ONE_MINUTE' AND source = '" + SOURCE + "' AND ts = '" + lastBar + "'", symbol);
                boolean tradesVisible = lastTrade == null || visible(connection, "SELECT ts FROM trades WHERE symbol = ?"
                        + " AND source = '" + SOURCE + "' AND ts = '" + lastTrade + "'", symbol);
                if (barsVisible && tradesVisible) {
                    return;
                }
            } catch (SQLException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("simulated history of " + symbol + " could not be read back: "
                            + e.getMessage(), e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("simulated history of " + symbol + " written but not visible after "
                        + VISIBLE_WITHIN_MILLIS / 1000 + " s (QuestDB WAL apply stalled?)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the simulated history of " + symbol, e);
            }
        }
    }

    private void requireSchema() {
        if (!schema.isReady()) {
            throw new IllegalStateException("the QuestDB schema is not ready (is QuestDB reachable?)");
        }
    }

    private static boolean visible(Connection connection, String sql, String symbol) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, symbol);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The latest row's time and price; a bar's print is taken as its last microsecond. */
    private static Optional<LastPrint> latest(Connection connection, String sql, String symbol, boolean bar)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, symbol);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp timestamp = rows.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
                Instant time = timestamp.toInstant();
                if (bar) {
                    time = time.plus(1, ChronoUnit.MINUTES).minus(1, ChronoUnit.MICROS);
                }
                BigDecimal price = org.mltrading.api.common.Decimals.normalised(rows.getBigDecimal(2));
                return Optional.of(new LastPrint(time, price));
            }
        }
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    private static void decimal(Sender sender, String column, BigDecimal value, int maxScale) {
        BigDecimal scaled = value.scale() > maxScale ? value.setScale(maxScale, java.math.RoundingMode.HALF_EVEN) : value;
        sender.decimalColumn(column, scaled.toPlainString());
    }
}
