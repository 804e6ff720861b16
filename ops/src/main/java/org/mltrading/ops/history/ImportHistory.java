package org.mltrading.ops.history;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.history.HistoryParser.ParsedHistory;
import org.mltrading.ops.history.QuestDbHistoryStore.HostPort;

/**
 * {@code ops/import-history}: loads historical bars and trades from CSV into the QuestDB of a running
 * all-in-one platform. Without arguments it loads the real demo datasets shipped in
 * {@code org.ta4j:ta4j-examples:0.18}. A file is validated completely before the first row is sent;
 * re-imports are exact because every row has a stable DEDUP key (a trade's id is its line).
 */
public final class ImportHistory {

    /** Exit codes. */
    public static final int OK = 0;
    public static final int UNREACHABLE_OR_FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String TA4J_EXAMPLES = "org.ta4j:ta4j-examples:0.18";
    static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The demo datasets: AAPL daily bars of 2013, a week of Bitstamp BTC/USD trades from 2013-11-25 and
     * ETH-USD five-minute bars of 2023-03-13..15 (around the US CPI release of 2023-03-14, news impact).
     */
    public static List<Job> demoJobs() {
        return List.of(
                new Job(new ImportSpec(HistoryKind.BARS, "AAPL", BarInterval.ONE_DAY, "date", TimeFormat.DATE, Map.of()),
                        HistoryInput.resource("appleinc_bars_from_20130101_usd.csv", TA4J_EXAMPLES)),
                new Job(new ImportSpec(HistoryKind.TRADES, "BTC-USD", null, "timestamp", TimeFormat.EPOCH_SECONDS,
                        Map.of("price", "price", "size", "amount")),
                        HistoryInput.resource("bitstamp_trades_from_20131125_usd.csv", TA4J_EXAMPLES)),
                new Job(new ImportSpec(HistoryKind.BARS, "ETH-USD", BarInterval.FIVE_MINUTES, "time", TimeFormat.ISO, Map.of()),
                        HistoryInput.ta4jJsonBars("ETH-USD-PT5M-2023-3-13_2023-3-15.json", TA4J_EXAMPLES,
                                BarInterval.FIVE_MINUTES.length())));
    }

    /** One file with how to read it. */
    public record Job(ImportSpec spec, HistoryInput input) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public ImportHistory(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        int code = new ImportHistory(System.out, System.err, Clock.systemUTC()).run(args, PlatformSettings.fromEnvironment());
        System.exit(code);
    }

    /** Runs the command line against the platform of {@code settings}; returns the exit code. */
    public int run(String[] args, PlatformSettings settings) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, settings);
        } catch (IllegalArgumentException e) {
            err.println("import-history: " + e.getMessage());
            err.println("Run ops/import-history --help for the usage.");
            return BAD_INPUT;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return OK;
        }
        return run(arguments.jobs(), arguments.ilp(), arguments.pg(), arguments.validateOnly());
    }

    /** Validates every job's file, then (unless {@code validateOnly}) loads them one after the other. */
    public int run(List<Job> jobs, HostPort ilp, HostPort pg, boolean validateOnly) {
        long started = System.nanoTime();
        List<ParsedHistory> parsed = new ArrayList<>();
        HistoryParser parser = new HistoryParser(clock);
        for (Job job : jobs) {
            try (Reader reader = job.input().reader()) {
                ParsedHistory history = parser.parse(job.spec(), job.input().name(), reader);
                parsed.add(history);
                out.printf(Locale.ROOT, "%s: %,d %s of %s valid (%s .. %s, times as %s)%n", job.input().name(),
                        history.size(), rowsName(job.spec()), job.spec().symbol(), time(history.firstMicros()),
                        time(history.lastMicros()), history.format().option());
            } catch (HistoryFileException e) {
                err.println("import-history: " + e.getMessage());
                err.println("Nothing was imported.");
                return BAD_INPUT;
            } catch (IOException e) {
                err.println("import-history: cannot read " + job.input().location() + ": " + e.getMessage());
                err.println("Nothing was imported.");
                return BAD_INPUT;
            }
        }
        if (validateOnly) {
            out.println("Validated only (--validate-only): nothing was sent.");
            return OK;
        }

        try (QuestDbHistoryStore store = new QuestDbHistoryStore(ilp, pg)) {
            try {
                store.connect();
                store.ensureTables();
            } catch (QuestDbHistoryStore.UnreachableException | SQLException e) {
                err.println("import-history: the platform's QuestDB is not reachable: " + e.getMessage());
                err.println("Is the platform running? Start it with ops/run (or point to QuestDB with "
                        + "--questdb-http host:port --questdb-pg host:port). Nothing was imported.");
                return UNREACHABLE_OR_FAILED;
            }
            for (int i = 0; i < jobs.size(); i++) {
                int code = load(store, jobs.get(i), parsed.get(i));
                if (code != OK) {
                    return code;
                }
            }
        }
        out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        return OK;
    }

    private int load(QuestDbHistoryStore store, Job job, ParsedHistory history) {
        ImportSpec spec = job.spec();
        String source = job.input().source();
        String what = spec.symbol() + " " + rowsName(spec);
        int total = history.size();
        int[] sent = {0};
        try {
            long before = store.count(spec.kind(), spec.symbol(), source);
            out.printf(Locale.ROOT, "Loading %,d %s from %s into table %s%n", total, what, job.input().location(),
                    spec.kind().table());
            store.send(spec, source, history.rows(), (done, all) -> {
                sent[0] = done;
                out.printf(Locale.ROOT, "  %s: %,d / %,d (%d%%)%n", what, done, all, (int) (100L * done / all));
            });
            store.awaitApplied(spec.kind(), VISIBLE_TIMEOUT);
            // applied is visible: one count tells whether every row arrived
            long after = store.count(spec.kind(), spec.symbol(), source);
            if (after < total) {
                throw new SQLException("only " + after + " of " + total + " rows are visible after the import");
            }
            out.printf(Locale.ROOT, "%s: %,d rows loaded (%,d new)%n", what, total, after - before);
            if (after > total) {
                out.printf(Locale.ROOT, "  note: %,d more rows of source %s remain from an earlier, longer version of "
                        + "this file%n", after - total, source);
            }
            return OK;
        } catch (SQLException | RuntimeException e) {
            err.printf(Locale.ROOT, "import-history: loading %s from %s failed after %,d of %,d rows were sent: %s%n",
                    what, job.input().name(), sent[0], total, e.getMessage());
            err.println("The rows sent so far stay in QuestDB (source " + source + "); run the same import again to "
                    + "complete it: re-imports replace rows exactly, nothing is duplicated.");
            return UNREACHABLE_OR_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import-history: interrupted after " + sent[0] + " of " + total + " rows were sent");
            return UNREACHABLE_OR_FAILED;
        }
    }

    private static String rowsName(ImportSpec spec) {
        return spec.kind() == HistoryKind.BARS ? spec.interval() + " bars" : "trades";
    }

    private static String time(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L).toString();
    }

    /** The parsed command line. */
    record Arguments(boolean help, boolean validateOnly, List<Job> jobs, HostPort ilp, HostPort pg) {

        static Arguments parse(String[] args, PlatformSettings settings) {
            HostPort ilp = new HostPort("127.0.0.1", settings.questDbHttpPort());
            HostPort pg = new HostPort("127.0.0.1", settings.questDbPgPort());
            String kind = null;
            String symbol = null;
            String interval = null;
            String timeColumn = null;
            String timeFormat = null;
            Map<String, String> columns = new LinkedHashMap<>();
            boolean validateOnly = false;
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                if (arg.startsWith("--") && arg.contains("=")) {
                    // the first '=' ends the option name: --columns=open=Open keeps "open=Open"
                    value = arg.substring(arg.indexOf('=') + 1);
                    arg = arg.substring(0, arg.indexOf('='));
                }
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Arguments(true, false, List.of(), ilp, pg);
                    }
                    case "--validate-only" -> validateOnly = true;
                    case "--kind" -> kind = value != null ? value : next(args, ++i, arg);
                    case "--symbol" -> symbol = value != null ? value : next(args, ++i, arg);
                    case "--interval" -> interval = value != null ? value : next(args, ++i, arg);
                    case "--time-column" -> timeColumn = value != null ? value : next(args, ++i, arg);
                    case "--time-format" -> timeFormat = value != null ? value : next(args, ++i, arg);
                    case "--columns" -> columns(value != null ? value : next(args, ++i, arg), columns);
                    case "--questdb-http" -> ilp = HostPort.parse(value != null ? value : next(args, ++i, arg), arg);
                    case "--questdb-pg" -> pg = HostPort.parse(value != null ? value : next(args, ++i, arg), arg);
                    default -> {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(arg);
                    }
                }
            }
            if (files.isEmpty()) {
                if (kind != null || symbol != null || interval != null || timeColumn != null || timeFormat != null
                        || !columns.isEmpty()) {
                    throw new IllegalArgumentException("a file to import is missing (the options describe a file)");
                }
                return new Arguments(false, validateOnly, demoJobs(), ilp, pg);
            }
            if (files.size() > 1) {
                throw new IllegalArgumentException("one file at a time, got " + files.size() + ": " + files);
            }
            if (kind == null) {
                throw new IllegalArgumentException("--kind bars|trades is required with a file");
            }
            HistoryKind historyKind = HistoryKind.parse(kind);
            Path file = Path.of(files.get(0));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            ImportSpec spec = new ImportSpec(historyKind, symbol, interval == null ? null : interval(interval),
                    timeColumn, timeFormat == null ? null : TimeFormat.parse(timeFormat), columns);
            return new Arguments(false, validateOnly, List.of(new Job(spec, HistoryInput.file(file))), ilp, pg);
        }

        private static BarInterval interval(String text) {
            try {
                return BarInterval.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--interval must be one of " + List.of(BarInterval.values())
                        + ", was '" + text + "'");
            }
        }

        private static void columns(String text, Map<String, String> columns) {
            for (String pair : text.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0 || equals == pair.length() - 1) {
                    throw new IllegalArgumentException("--columns takes field=column pairs separated by commas, got '"
                            + pair + "'");
                }
                columns.put(pair.substring(0, equals).trim().toLowerCase(Locale.ROOT), pair.substring(equals + 1).trim());
            }
        }

        private static String next(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }

    static final String USAGE = """
            Usage:
              ops/import-history [--validate-only]
                  Loads the real demo datasets of org.ta4j:ta4j-examples:0.18 into the running platform:
                  appleinc_bars_from_20130101_usd.csv as AAPL ONE_DAY bars (table bars),
                  bitstamp_trades_from_20131125_usd.csv as BTC-USD trades (table trades) and
                  ETH-USD-PT5M-2023-3-13_2023-3-15.json as ETH-USD FIVE_MINUTES bars (table bars).
              ops/import-history --kind bars|trades --symbol SYMBOL [options] FILE.csv

            Options:
              --kind bars|trades     what the file holds
              --symbol SYMBOL        instrument to store the rows under, e.g. MSFT, ETH-USD
              --interval NAME        bar length, bars only: ONE_SECOND ONE_MINUTE FIVE_MINUTES FIFTEEN_MINUTES
                                     ONE_HOUR ONE_DAY (default ONE_DAY); a bar's time is its start, aligned
                                     to the interval (UTC)
              --time-column NAME     header of the time column (default: the first of date, timestamp,
                                     time, ts, datetime)
              --time-format FORMAT   date (2013-01-02, the day's start UTC) | iso (2013-01-02T14:30:00Z;
                                     no offset = UTC) | epoch-seconds (1385337600, up to 6 decimals) |
                                     epoch-millis (default: told from the first row)
              --columns F=COL,...    which header column holds which field (case-insensitive); defaults:
                                       bars:   open=open, high=high, low=low, close=close,
                                               volume=volume|vol (volume may be absent)
                                       trades: price=price, size=size|amount|quantity|qty|volume
                                     e.g. --columns open=Open,high=High,low=Low,close=Close,volume=Vol
              --validate-only        check the file(s) and exit; nothing is sent
              --questdb-http H:P     QuestDB ILP/HTTP endpoint (default 127.0.0.1:$PLATFORM_QUESTDB_HTTP_PORT, 9020)
              --questdb-pg H:P       QuestDB PG wire endpoint (default 127.0.0.1:$PLATFORM_QUESTDB_PG_PORT, 8812)
              -h, --help             this text

            The file: UTF-8 CSV, first line a header, one row per line, fields separated by commas
            (double quotes allowed), other columns ignored. Numbers are plain decimals read exactly:
            prices > 0 with at most 8 significant decimals, sizes/volumes >= 0 with at most 18.
            Bars need low <= open, close <= high and one bar per time. The whole file is checked before
            anything is sent; an error names the line (file:line: reason) and nothing is imported.

            Rows are stored with source = import:<file name>. A trade's id is its line number, so trades
            of the same second stay distinct and importing the same file again leaves exactly the same
            data (QuestDB DEDUP keys). The import waits until QuestDB shows the rows, then reports
            "N rows loaded (M new)".

            Exit codes: 0 loaded, 1 platform not reachable or sending failed (re-run: it is idempotent),
            2 bad arguments or bad file (nothing sent).
            """;
}
