package org.mltrading.query.marketdata;

/**
 * The QuestDB tables of market data, shared by the platform (created on start) and the history import.
 * Prices and sizes are exact DECIMALs, never doubles. DEDUP keys make replays and re-imports exact:
 * a quote is one per (time, symbol); several trades can share a time, so a trade is identified by its
 * tradeId (the line number for imported files) and its source, so two files of one symbol never overwrite
 * each other; a bar by (time, symbol, interval) — a later import of the same bars replaces them.
 */
public final class MarketDataTables {

    public static final String QUOTES = "quotes";
    public static final String TRADES = "trades";
    public static final String BARS = "bars";

    public static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS quotes (
          symbol SYMBOL CAPACITY 1024, bid DECIMAL(18, 8), ask DECIMAL(18, 8), last DECIMAL(18, 8), ts TIMESTAMP
        ) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol)
        """,
        """
        CREATE TABLE IF NOT EXISTS trades (
          symbol SYMBOL CAPACITY 1024, price DECIMAL(18, 8), size DECIMAL(38, 18), trade_id LONG,
          source SYMBOL, ts TIMESTAMP
        ) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, trade_id, source)
        """,
        """
        CREATE TABLE IF NOT EXISTS bars (
          symbol SYMBOL CAPACITY 1024, bar_interval SYMBOL, open DECIMAL(18, 8), high DECIMAL(18, 8),
          low DECIMAL(18, 8), close DECIMAL(18, 8), volume DECIMAL(38, 18), source SYMBOL, ts TIMESTAMP
        ) TIMESTAMP(ts) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(ts, symbol, bar_interval)
        """
        };

    private MarketDataTables() {
    }

    /** Creates the tables that are missing (with their DEDUP keys); existing tables are left as they are. */
    public static void create(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}
