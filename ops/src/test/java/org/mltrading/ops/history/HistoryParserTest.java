package org.mltrading.ops.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.ops.history.HistoryParser.ParsedHistory;

class HistoryParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final HistoryParser parser = new HistoryParser(CLOCK);

    private ParsedHistory parse(ImportSpec spec, String csv) throws Exception {
        return parser.parse(spec, "test.csv", new StringReader(csv));
    }

    private HistoryFileException failure(ImportSpec spec, String csv) {
        try {
            parse(spec, csv);
        } catch (HistoryFileException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for\n" + csv);
    }

    private static long micros(String instant) {
        Instant time = Instant.parse(instant);
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    @Test
    void the_demo_apple_file_gives_252_daily_bars_exactly_as_written() throws Exception {
        ImportHistory.Job job = ImportHistory.demoJobs().get(0);
        ParsedHistory history;
        try (Reader reader = job.input().reader()) {
            history = parser.parse(job.spec(), job.input().name(), reader);
        }
        assertThat(history.size()).isEqualTo(252);
        HistoryRow.Bar first = (HistoryRow.Bar) history.rows().get(0);
        assertThat(first.micros()).isEqualTo(micros("2013-01-02T00:00:00Z"));
        assertThat(first.open()).isEqualTo(new BigDecimal("553.82"));
        assertThat(first.high()).isEqualByComparingTo("555.00");
        assertThat(first.high().toPlainString()).isEqualTo("555");
        assertThat(first.low()).isEqualTo(new BigDecimal("541.63"));
        assertThat(first.close()).isEqualTo(new BigDecimal("549.03"));
        assertThat(first.volume()).isEqualTo(new BigDecimal("20018500"));
        assertThat(history.lastMicros()).isEqualTo(micros("2013-12-31T00:00:00Z"));
    }

    @Test
    void the_demo_ether_json_gives_its_580_five_minute_bars_starting_five_minutes_before_their_end_time() throws Exception {
        ImportHistory.Job job = ImportHistory.demoJobs().get(2);
        ParsedHistory history;
        try (Reader reader = job.input().reader()) {
            history = parser.parse(job.spec(), job.input().name(), reader);
        }
        assertThat(history.size()).isEqualTo(580);
        HistoryRow.Bar first = (HistoryRow.Bar) history.rows().get(0);
        // endTime 1678730699999 (the bar's last millisecond) → start 2023-03-13T18:00:00Z
        assertThat(first.micros()).isEqualTo(micros("2023-03-13T18:00:00Z"));
        assertThat(first.open()).isEqualTo(new BigDecimal("1673.58"));
        assertThat(first.close()).isEqualTo(new BigDecimal("1672.99"));
        assertThat(first.volume()).isEqualTo(new BigDecimal("65.3033"));
        assertThat(job.spec().symbol()).isEqualTo("ETH-USD");
    }

    @Test
    void the_demo_bitstamp_file_keeps_every_trade_including_the_last_line_without_newline() throws Exception {
        ImportHistory.Job job = ImportHistory.demoJobs().get(1);
        ParsedHistory history;
        try (Reader reader = job.input().reader()) {
            history = parser.parse(job.spec(), job.input().name(), reader);
        }
        // header + 100,000 data lines; the last one has no line break (wc -l says 100,000)
        assertThat(history.size()).isEqualTo(100_000);
        HistoryRow.Trade first = (HistoryRow.Trade) history.rows().get(0);
        HistoryRow.Trade last = (HistoryRow.Trade) history.rows().get(history.size() - 1);
        assertThat(first.tradeId()).isEqualTo(2);
        assertThat(first.micros()).isEqualTo(1_385_337_600_000_000L);
        assertThat(first.price()).isEqualTo(new BigDecimal("800.01"));
        assertThat(first.size()).isEqualTo(new BigDecimal("0.1"));
        assertThat(last.tradeId()).isEqualTo(100_001);
        assertThat(last.price()).isEqualTo(new BigDecimal("999"));
        assertThat(last.size()).isEqualTo(new BigDecimal("1.2926331"));
        assertThat(history.rows()).extracting(HistoryRow::line).doesNotHaveDuplicates();
    }

    @Test
    void trade_ids_are_line_numbers_so_trades_of_the_same_second_stay_distinct() throws Exception {
        ParsedHistory history = parse(ImportSpec.trades("BTC-USD"), """
                timestamp,price,amount\r
                1385337613,800.05,0.27838049\r
                1385337613,800.05,0.27838049\r
                \r
                1385337613,800.06,0.1""");
        assertThat(history.rows()).extracting(HistoryRow::line).containsExactly(2L, 3L, 5L);
        assertThat(history.rows()).extracting(HistoryRow::micros).containsOnly(1_385_337_613_000_000L);
    }

    @Test
    void thirteen_decimal_amounts_are_kept_exactly() throws Exception {
        ParsedHistory history = parse(ImportSpec.trades("BTC-USD"), """
                timestamp,price,amount
                1385337600,800.010000000000,0.1234567890123
                1385337601,800.01,0.0000000000001
                1385337602,800.01,123456789012345678.123456789012345678
                """);
        assertThat(history.rows()).map(row -> ((HistoryRow.Trade) row).size().toPlainString())
                .containsExactly("0.1234567890123", "0.0000000000001", "123456789012345678.123456789012345678");
    }

    @Test
    void zero_size_trades_are_kept_because_real_files_have_them() throws Exception {
        ParsedHistory history = parse(ImportSpec.trades("BTC-USD"), "timestamp,price,amount\n1385337600,800.01,0.000000000000\n");
        assertThat(((HistoryRow.Trade) history.rows().get(0)).size()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void columns_are_mapped_by_name_in_any_order_and_quotes_are_allowed() throws Exception {
        ImportSpec spec = new ImportSpec(HistoryKind.BARS, "MSFT", BarInterval.ONE_HOUR, "Time", TimeFormat.ISO,
                Map.of("open", "O", "high", "H", "low", "L", "close", "C", "volume", "V"));
        ParsedHistory history = parse(spec, """
                Ticker,V,C,L,H,O,Time
                "MSFT, Inc.",100.5,10.5,9.5,11,10,2024-03-01T14:00:00Z
                MSFT,0,10,10,10,10,2024-03-01 15:00:00
                """);
        HistoryRow.Bar bar = (HistoryRow.Bar) history.rows().get(0);
        assertThat(bar.open()).isEqualTo(new BigDecimal("10"));
        assertThat(bar.high()).isEqualTo(new BigDecimal("11"));
        assertThat(bar.low()).isEqualTo(new BigDecimal("9.5"));
        assertThat(bar.close()).isEqualTo(new BigDecimal("10.5"));
        assertThat(bar.volume()).isEqualTo(new BigDecimal("100.5"));
        assertThat(history.rows().get(1).micros()).isEqualTo(micros("2024-03-01T15:00:00Z"));
    }

    @Test
    void bars_without_a_volume_column_are_stored_without_volume() throws Exception {
        ParsedHistory history = parse(ImportSpec.bars("SPY", BarInterval.ONE_DAY), "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n");
        assertThat(((HistoryRow.Bar) history.rows().get(0)).volume()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong field count           | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-01-03,1,2,0.5,1         | 3 | expected 6 fields as in the header, found 5
            unparsable number           | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-01-03,1,2x,0.5,1,10     | 3 | high: '2x' is not a decimal number
            exponent is not plain       | date,open,high,low,close,volume;2013-01-02,1e2,200,0.5,100,10                         | 2 | open: '1e2' is not a decimal number
            empty number                | date,open,high,low,close,volume;2013-01-02,1,2,0.5,,10                                | 2 | close: empty
            unparsable date             | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-02-30,1,2,0.5,1,10      | 3 | date: '2013-02-30' is not a date (yyyy-MM-dd)
            date in another format      | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;02/01/2013,1,2,0.5,1,10      | 3 | date: '02/01/2013' is not a date (yyyy-MM-dd)
            negative price              | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-01-03,-1,2,0.5,1,10     | 3 | open: price must be positive, was -1
            negative volume             | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,-10                              | 2 | volume: volume must not be negative, was -10
            high below low              | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-01-03,1,0.5,2,1,10      | 3 | high 0.5 is below low 2
            close above high            | date,open,high,low,close,volume;2013-01-02,1,2,0.5,3,10                               | 2 | close 3 is outside low 0.5 .. high 2
            duplicate bar               | date,open,high,low,close,volume;2013-01-02,1,2,0.5,1,10;2013-01-03,1,2,0.5,1,10;2013-01-02,1,2,0.5,1,10 | 4 | a second bar for 2013-01-02 (the first is on line 2)
            price too precise           | date,open,high,low,close,volume;2013-01-02,1.123456789,2,0.5,1,10                     | 2 | open: 1.123456789 has 9 significant decimals, more than the 8 stored
            price too large             | date,open,high,low,close,volume;2013-01-02,12345678901,12345678901,1,1,10             | 2 | open: 12345678901 is too large (at most 10 integer digits)
            missing column              | date,open,high,low,volume;2013-01-02,1,2,0.5,10                                       | 1 | no column for close: looked for close; map it with --columns close=<column> (header: date,open,high,low,volume)
            no time column              | day,open,high,low,close;2013-01-02,1,2,0.5,1                                          | 1 | no time column: none of date, timestamp, time, ts, datetime; pass --time-column (header: day,open,high,low,close)
            header only                 | date,open,high,low,close,volume                                                       | 1 | no data rows after the header
            unclosed quote              | date,open,high,low,close,volume;2013-01-02,"1,2,0.5,1,10                              | 2 | a quoted field is not closed (field 2)
            """)
    void bad_bar_files_are_refused_with_the_line_and_reason(String title, String lines, long line, String reason) {
        HistoryFileException error = failure(ImportSpec.bars("AAPL", BarInterval.ONE_DAY), lines.replace(';', '\n'));
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.getMessage()).isEqualTo("test.csv:" + line + ": " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative size          | timestamp,price,amount;1385337600,800,1;1385337601,800,-0.5              | 3 | amount: size must not be negative, was -0.5
            size too precise       | timestamp,price,amount;1385337600,800,0.1234567890123456789              | 2 | amount: 0.1234567890123456789 has 19 significant decimals, more than the 18 stored
            unparsable time        | timestamp,price,amount;1385337600,800,1;13853376O1,800,1                 | 3 | timestamp: '13853376O1' is not epoch seconds
            time in the future     | timestamp,price,amount;1385337600,800,1;99999999999,800,1                | 3 | timestamp: 99999999999 is 5138-11-16T09:46:39Z, outside 1970 to now (pass --time-format)
            not a number at all    | timestamp,price,amount;1385337600,abc,1                                  | 2 | price: 'abc' is not a decimal number
            zero price             | timestamp,price,amount;1385337600,0.000,1                                | 2 | price: price must be positive, was 0.000
            extra field            | timestamp,price,amount;1385337600,800,1,x                                | 2 | expected 3 fields as in the header, found 4
            """)
    void bad_trade_files_are_refused_with_the_line_and_reason(String title, String lines, long line, String reason) {
        HistoryFileException error = failure(ImportSpec.trades("BTC-USD"), lines.replace(';', '\n'));
        assertThat(error.getMessage()).isEqualTo("test.csv:" + line + ": " + reason);
    }

    @Test
    void a_bar_must_start_at_its_interval() {
        ImportSpec spec = new ImportSpec(HistoryKind.BARS, "AAPL", BarInterval.ONE_DAY, null, TimeFormat.ISO, Map.of());
        assertThat(failure(spec, "date,open,high,low,close\n2013-01-02T14:30:00Z,1,1,1,1\n").getMessage())
                .isEqualTo("test.csv:2: date: 2013-01-02T14:30:00Z is not the start of a ONE_DAY bar (bars are aligned to the epoch, UTC)");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(failure(ImportSpec.trades("X"), "").getMessage())
                .isEqualTo("test.csv:1: empty file: the first line must be a header naming the columns");
    }

    @ParameterizedTest
    @CsvSource({
        "2013-01-02, DATE, 1357084800000000",
        "2013-01-02T00:00:01.5Z, ISO, 1357084801500000",
        "2013-01-02T01:00:00+01:00, ISO, 1357084800000000",
        "2013-01-02 00:00:00, ISO, 1357084800000000",
        "1357084800, EPOCH_SECONDS, 1357084800000000",
        "1357084800.000001, EPOCH_SECONDS, 1357084800000001",
        "1357084800000, EPOCH_MILLIS, 1357084800000000",
        "1357084800000.5, EPOCH_MILLIS, 1357084800000500",
    })
    void time_formats_are_detected_and_read_to_the_microsecond(String text, TimeFormat format, long micros) {
        assertThat(TimeFormat.detect(text)).isEqualTo(format);
        assertThat(format.toMicros(text)).isEqualTo(micros);
    }

    @Test
    void times_finer_than_a_microsecond_are_refused_not_truncated() {
        assertThatThrownBy(() -> TimeFormat.EPOCH_SECONDS.toMicros("1357084800.0000001"))
                .hasMessage("'1357084800.0000001' is more precise than a microsecond");
        assertThatThrownBy(() -> TimeFormat.ISO.toMicros("2013-01-02T00:00:00.0000001Z"))
                .hasMessage("'2013-01-02T00:00:00.0000001Z' is more precise than a microsecond");
    }

    @Test
    void split_handles_quotes_blanks_and_empty_trailing_fields() throws IOException, HistoryFileException {
        assertThat(HistoryParser.split(" a , \"b,\"\"c\"\"\" ,,", "f", 1)).containsExactly("a", "b,\"c\"", "", "");
    }
}
