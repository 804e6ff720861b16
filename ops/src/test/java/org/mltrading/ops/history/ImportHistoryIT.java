package org.mltrading.ops.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * The default import (both ta4j-examples datasets) run twice against the QuestDB of a running
 * platform: the stored data equals the source files exactly, and a re-import changes nothing.
 */
class ImportHistoryIT {

    private static final String APPLE = "appleinc_bars_from_20130101_usd.csv";
    private static final String BITSTAMP = "bitstamp_trades_from_20131125_usd.csv";

    private static PlatformSettings settings;
    private static String firstRun;
    private static String secondRun;

    @BeforeAll
    static void import_the_demo_datasets_twice() {
        settings = RunningPlatform.shared().settings();
        firstRun = runImport(new String[0], 0);
        secondRun = runImport(new String[0], 0);
        System.out.println("first import:\n" + firstRun + "second import:\n" + secondRun);
    }

    private static String runImport(String[] args, int expectedExitCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ImportHistory(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(args, settings);
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isEqualTo(expectedExitCode);
        return output;
    }

    @Test
    void the_import_reports_progress_and_rows_loaded_and_the_second_run_adds_nothing() {
        assertThat(firstRun).contains("AAPL ONE_DAY bars: 252 / 252 (100%)", "BTC-USD trades: 50,000 / 100,000 (50%)",
                "AAPL ONE_DAY bars: 252 rows loaded (252 new)", "BTC-USD trades: 100,000 rows loaded (100,000 new)");
        assertThat(secondRun).contains("AAPL ONE_DAY bars: 252 rows loaded (0 new)",
                "BTC-USD trades: 100,000 rows loaded (0 new)");
    }

    @Test
    void apple_daily_bars_equal_the_source_file_after_two_imports() throws Exception {
        List<String[]> csv = csv(APPLE);
        assertThat(csv).hasSize(252);
        List<String[]> stored = query("SELECT ts, open, high, low, close, volume FROM bars"
                + " WHERE symbol = 'AAPL' AND bar_interval = 'ONE_DAY' ORDER BY ts");
        assertThat(stored).hasSize(252);
        assertThat(stored.get(0)).containsExactly("2013-01-02", "553.82", "555", "541.63", "549.03", "20018500");
        for (int i = 0; i < csv.size(); i++) {
            String[] row = csv.get(i);
            String[] expected = {row[0], plain(row[1]), plain(row[2]), plain(row[3]), plain(row[4]), plain(row[5])};
            assertThat(stored.get(i)).as("bar %s", row[0]).containsExactly(expected);
        }
    }

    @Test
    void every_bitstamp_trade_is_stored_exactly_once_after_two_imports() throws Exception {
        List<String[]> csv = csv(BITSTAMP);
        assertThat(csv).hasSize(100_000); // 100,001 lines: a header and 100,000 trades, the last without line break
        assertThat(query("SELECT count(), count_distinct(trade_id), min(trade_id), max(trade_id) FROM trades"
                + " WHERE symbol = 'BTC-USD' AND ts < '2014-01-01'"))
                .containsExactly(new String[] {"100000", "100000", "2", "100001"});
        assertThat(query("SELECT count() FROM trades WHERE symbol = 'BTC-USD' AND source = 'import:" + BITSTAMP + "'"))
                .containsExactly(new String[] {"100000"});
        assertThat(query("SELECT price, size FROM trades WHERE symbol = 'BTC-USD' AND trade_id = 100001"))
                .containsExactly(new String[] {"999", "1.2926331"});
    }

    @Test
    void btc_daily_bars_sampled_by_questdb_equal_the_bars_computed_from_the_file() throws Exception {
        Map<LocalDate, BigDecimal[]> expected = dailyBars(csv(BITSTAMP));
        List<String[]> sampled = query("SELECT ts, first(price), max(price), min(price), last(price), sum(size) FROM trades"
                + " WHERE symbol = 'BTC-USD' AND ts < '2014-01-01' SAMPLE BY 1d ALIGN TO CALENDAR ORDER BY ts");
        assertThat(sampled).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<LocalDate, BigDecimal[]> day : expected.entrySet()) {
            String[] row = sampled.get(i++);
            BigDecimal[] bar = day.getValue();
            assertThat(row).as("BTC-USD %s", day.getKey()).containsExactly(day.getKey().toString(),
                    plain(bar[0]), plain(bar[1]), plain(bar[2]), plain(bar[3]), plain(bar[4]));
        }
        // the first day, spelled out: its close is the last of three trades in its last second (file order)
        assertThat(sampled.get(0)).containsExactly("2013-11-25", "800.01", plain(expected.get(LocalDate.of(2013, 11, 25))[1]),
                plain(expected.get(LocalDate.of(2013, 11, 25))[2]), "817.88", plain(expected.get(LocalDate.of(2013, 11, 25))[4]));
    }

    @Test
    void the_graphql_daily_bars_equal_the_source_files_to_the_cent_and_the_last_fraction_of_volume() throws Exception {
        var platform = RunningPlatform.shared();
        String token = platform.integratorToken();
        String query = """
                query($symbol: String!, $from: DateTime!, $to: DateTime!) {
                  bars(symbol: $symbol, interval: ONE_DAY, from: $from, to: $to) { time open high low close volume } }""";

        var apple = platform.graphql(token, query, Map.of("symbol", "AAPL", "from", "2013-01-01T00:00:00Z",
                "to", "2013-12-31T23:59:59Z")).data().get("bars");
        List<String[]> appleCsv = csv(APPLE);
        assertThat(apple.size()).isEqualTo(appleCsv.size());
        for (int i = 0; i < appleCsv.size(); i++) {
            String[] row = appleCsv.get(i);
            var bar = apple.get(i);
            assertThat(bar.get("time").asText()).startsWith(row[0]);
            assertThat(new BigDecimal(bar.get("open").asText())).isEqualByComparingTo(row[1]);
            assertThat(new BigDecimal(bar.get("high").asText())).isEqualByComparingTo(row[2]);
            assertThat(new BigDecimal(bar.get("low").asText())).isEqualByComparingTo(row[3]);
            assertThat(new BigDecimal(bar.get("close").asText())).isEqualByComparingTo(row[4]);
            assertThat(new BigDecimal(bar.get("volume").asText())).isEqualByComparingTo(row[5]);
        }

        var btc = platform.graphql(token, query, Map.of("symbol", "BTC-USD", "from", "2013-11-25T00:00:00Z",
                "to", "2013-12-01T23:59:59Z")).data().get("bars");
        Map<LocalDate, BigDecimal[]> expected = dailyBars(csv(BITSTAMP));
        assertThat(btc.size()).isEqualTo(expected.size());
        int i = 0;
        for (Map.Entry<LocalDate, BigDecimal[]> day : expected.entrySet()) {
            var bar = btc.get(i++);
            assertThat(bar.get("time").asText()).startsWith(day.getKey().toString());
            BigDecimal[] ohlcv = day.getValue();
            String[] fields = {"open", "high", "low", "close", "volume"};
            for (int f = 0; f < fields.length; f++) {
                assertThat(new BigDecimal(bar.get(fields[f]).asText())).as("%s %s", day.getKey(), fields[f])
                        .isEqualByComparingTo(ohlcv[f]);
            }
        }
    }

    @Test
    void a_bad_file_names_the_line_and_leaves_no_rows(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,price,amount\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(1_600_000_000 + i).append(",100.5,0.25\n");
        }
        csv.append("1600020000,100.5,-1\n"); // line 20,002
        Path file = Files.writeString(dir.resolve("bad-trades.csv"), csv);
        String output = runImport(new String[] {"--kind", "trades", "--symbol", "BAD-IT", file.toString()}, 2);
        assertThat(output).contains("bad-trades.csv:20002: amount: size must not be negative, was -1", "Nothing was imported.");
        assertThat(query("SELECT count() FROM trades WHERE symbol = 'BAD-IT'")).containsExactly(new String[] {"0"});
    }

    @Test
    void a_csv_with_other_column_names_is_imported_by_mapping(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("eth-hourly.csv"), """
                Time,Open,High,Low,Close,Vol
                2021-05-01T00:00:00Z,2770.5,2790,2765.25,2780.125,12.5
                2021-05-01T01:00:00Z,2780.125,2800,2777,2799.99,0.000000000000000001
                """);
        String[] args = {"--kind", "bars", "--symbol", "ETH-IT", "--interval", "ONE_HOUR", "--time-column", "Time",
            "--time-format", "iso", "--columns", "open=Open,high=High,low=Low,close=Close,volume=Vol", file.toString()};
        assertThat(runImport(args, 0)).contains("ETH-IT ONE_HOUR bars: 2 rows loaded (2 new)");
        assertThat(runImport(args, 0)).contains("ETH-IT ONE_HOUR bars: 2 rows loaded (0 new)");
        assertThat(query("SELECT ts, open, high, low, close, volume, source FROM bars WHERE symbol = 'ETH-IT' ORDER BY ts"))
                .containsExactly(
                        new String[] {"2021-05-01", "2770.5", "2790", "2765.25", "2780.125", "12.5", "import:eth-hourly.csv"},
                        new String[] {"2021-05-01T01:00:00Z", "2780.125", "2800", "2777", "2799.99", "0.000000000000000001",
                            "import:eth-hourly.csv"});
    }

    /** OHLCV per UTC day from the file's lines in order, with exact decimals. */
    private static Map<LocalDate, BigDecimal[]> dailyBars(List<String[]> trades) {
        Map<LocalDate, BigDecimal[]> days = new LinkedHashMap<>();
        for (String[] trade : trades) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(trade[0])), ZoneOffset.UTC);
            BigDecimal price = new BigDecimal(trade[1]);
            BigDecimal size = new BigDecimal(trade[2]);
            BigDecimal[] bar = days.get(day);
            if (bar == null) {
                days.put(day, new BigDecimal[] {price, price, price, price, size});
            } else {
                bar[1] = bar[1].max(price);
                bar[2] = bar[2].min(price);
                bar[3] = price;
                bar[4] = bar[4].add(size);
            }
        }
        return days;
    }

    /** The data rows of a demo file, read independently of the importer. */
    private static List<String[]> csv(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ImportHistoryIT.class.getClassLoader().getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    /** Rows as text: decimals without padding zeros, midnight timestamps as the date, others ISO. */
    private static List<String[]> query(String sql) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + settings.questDbPgPort() + "/qdb?sslmode=disable";
        try (Connection connection = DriverManager.getConnection(url, "admin", "quest");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String[]> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int c = 1; c <= columns; c++) {
                    Object value = rows.getObject(c);
                    if (value instanceof BigDecimal decimal) {
                        row[c - 1] = plain(decimal);
                    } else if (value instanceof java.sql.Timestamp) {
                        row[c - 1] = time(rows.getTimestamp(c,
                                java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))).toInstant());
                    } else {
                        row[c - 1] = value == null ? null : value.toString();
                    }
                }
                result.add(row);
            }
            return result;
        }
    }

    private static String time(Instant instant) {
        return instant.getEpochSecond() % 86_400 == 0 && instant.getNano() == 0
                ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString() : instant.toString();
    }

    private static String plain(String decimal) {
        return plain(new BigDecimal(decimal));
    }

    private static String plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
