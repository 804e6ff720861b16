package org.mltrading.ops.bench;

import io.questdb.client.Sender;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.ops.embedded.EmbeddedQuestDb;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.QuestDb;
import org.mltrading.query.marketdata.QuestDbMarketDataWriter;
import org.mltrading.query.marketdata.QuestDbSchemaInitializer;
import org.springframework.util.FileSystemUtils;

/**
 * Ingest throughput of quotes into an embedded QuestDB: the raw ILP HTTP sender on one thread against
 * our pipeline (hub → bounded queue → writer thread → ILP HTTP sender), on the same generated rows.
 * Both clocks stop when the last row is committed to the WAL (the HTTP sender's flush returned); the
 * time until the WAL is applied (rows visible to queries) is printed separately.
 *
 * <p>Options: {@code --rows=2000000 --warmup=200000 --queue=262144 --profile} (profile: one more,
 * unmeasured run of our pipeline under a stack sampler; done anyway when ours/raw is below 0.8).
 */
public final class IngestBenchmark {

    static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "SPY", "AMZN", "GOOGL", "META", "TSLA", "BTC-USD", "ETH-USD"};
    private static final long FLUSH_EVERY = 10_000;
    private long flushNanos;
    private static final double GOAL_RATIO = 0.8;
    private static final double GOAL_TICKS_PER_SECOND = 400_000;

    private final QuestDb questDb;
    private final String ilpConfig;

    private IngestBenchmark(QuestDb questDb, String ilpConfig) {
        this.questDb = questDb;
        this.ilpConfig = ilpConfig;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "rows", "warmup", "queue", "profile");
        int rows = options.intValue("rows", 2_000_000);
        int warmup = Math.min(rows, options.intValue("warmup", 200_000));
        int queueCapacity = options.intValue("queue", 262_144);

        Path root = Files.createTempDirectory("ingest-bench-");
        int http = RunningPlatform.freePort();
        int pg = RunningPlatform.freePort();
        System.out.printf("IngestBenchmark: %,d quotes (%d symbols), warm-up %,d, flush every %,d rows, %d CPUs, %s%n",
                rows, SYMBOLS.length, warmup, FLUSH_EVERY, Runtime.getRuntime().availableProcessors(), Runtime.version());
        long genStart = System.nanoTime();
        Quote[] data = generate(rows);
        System.out.println("load average before: " + LoadAverage.read());
        System.out.printf("generated the rows in %.1f s%n", (System.nanoTime() - genStart) / 1e9);
        try (EmbeddedQuestDb ignored = EmbeddedQuestDb.start(root.resolve("questdb"), http, RunningPlatform.freePort(), pg,
                RunningPlatform.freePort())) {
            QuestDb questDb = new QuestDb("jdbc:postgresql://127.0.0.1:" + pg + "/qdb", "admin", "quest");
            try {
                questDb.ensureSchema();
                new IngestBenchmark(questDb, "http::addr=127.0.0.1:" + http + ";").run(data, warmup, queueCapacity,
                        options.flag("profile"));
            } finally {
                questDb.destroy();
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
        System.exit(0);
    }

    private void run(Quote[] data, int warmup, int queueCapacity, boolean profile) throws Exception {
        int rows = data.length;

        // (a) raw sender
        truncate();
        raw(data, warmup);
        awaitApplied(warmup, "raw warm-up");
        truncate();
        flushNanos = 0;
        long rawNanos = raw(data, rows);
        long rawApplied = awaitApplied(rows, "raw");
        double rawRate = rows / (rawNanos / 1e9);
        System.out.printf("raw ILP sender : %,d rows in %.2f s = %,.0f rows/s (WAL applied %.2f s later); "
                        + "%.0f%% of the time inside flush() (HTTP round trip + WAL commit)%n",
                rows, rawNanos / 1e9, rawRate, rawApplied / 1e9, 100.0 * flushNanos / rawNanos);

        // (b) our pipeline
        truncate();
        QuestDbMarketDataWriter writer = new QuestDbMarketDataWriter(ilpConfig, queueCapacity, 100, schemaInitializer());
        writer.start();
        MarketDataHub hub = new MarketDataHub(List.of(writer));
        Thread publisher = Thread.currentThread();
        try {
            ours(hub, writer, data, warmup, null);
            awaitApplied(warmup, "ours warm-up");
            truncate();
            Backlog backlog = new Backlog(writer);
            long oursNanos = ours(hub, writer, data, rows, backlog);
            backlog.close();
            long oursApplied = awaitApplied(rows, "ours");
            double oursRate = rows / (oursNanos / 1e9);
            System.out.printf("our pipeline   : %,d rows in %.2f s = %,.0f rows/s (WAL applied %.2f s later); "
                            + "writer queue %s of %,d%n", rows, oursNanos / 1e9, oursRate, oursApplied / 1e9,
                    backlog.summary(), queueCapacity);
            double ratio = oursRate / rawRate;
            System.out.printf("ours/raw       : %.2f (goal >= %.1f: %s)%n", ratio, GOAL_RATIO, ratio >= GOAL_RATIO ? "MET" : "MISSED");
            System.out.printf(">= 400k ticks/s: raw %s, ours %s%n", rawRate >= GOAL_TICKS_PER_SECOND ? "MET" : "MISSED",
                    oursRate >= GOAL_TICKS_PER_SECOND ? "MET" : "MISSED");
            System.out.println("load average after: " + LoadAverage.read() + " (2 cores: above 2 means other work competed)");

            if (profile || ratio < GOAL_RATIO) {
                truncate();
                Thread worker = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("questdb-writer")).findFirst().orElseThrow();
                long profiled;
                try (StackSampler sampler = new StackSampler(List.of(publisher, worker), "org.mltrading", 3)) {
                    profiled = ours(hub, writer, data, rows, null);
                    System.out.printf("%nprofile of our pipeline (separate run under the sampler, %.2f s):%n%s",
                            profiled / 1e9, sampler.report(8));
                }
                awaitApplied(rows, "profiled run");
            }
        } finally {
            writer.stop();
        }
    }

    /** One thread, one sender, flush every 10,000 rows; returns the nanoseconds until the last flush returned. */
    private long raw(Quote[] data, int count) {
        long start = System.nanoTime();
        try (Sender sender = Sender.fromConfig(ilpConfig)) {
            for (int i = 0; i < count; i++) {
                Quote quote = data[i];
                sender.table("quotes").symbol("symbol", quote.symbol())
                        .decimalColumn("bid", quote.bid().toPlainString())
                        .decimalColumn("ask", quote.ask().toPlainString())
                        .decimalColumn("last", quote.last().toPlainString())
                        .at(quote.time().getEpochSecond() * 1_000_000L + quote.time().getNano() / 1_000, ChronoUnit.MICROS);
                if ((i + 1) % FLUSH_EVERY == 0) {
                    long before = System.nanoTime();
                    sender.flush();
                    flushNanos += System.nanoTime() - before;
                }
            }
            long before = System.nanoTime();
            sender.flush();
            flushNanos += System.nanoTime() - before;
            return System.nanoTime() - start;
        }
    }

    /** Publishes from this thread; returns the nanoseconds until the writer reported all rows flushed. */
    private static long ours(MarketDataHub hub, QuestDbMarketDataWriter writer, Quote[] data, int count, Backlog backlog)
            throws InterruptedException {
        long target = writer.rowsWritten() + count;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            hub.publish(data[i]);
            if (backlog != null && (i & 0x3FFF) == 0) {
                backlog.sample();
            }
        }
        while (writer.rowsWritten() < target) {
            Thread.sleep(0, 200_000);
        }
        return System.nanoTime() - start;
    }

    private QuestDbSchemaInitializer schemaInitializer() throws ReflectiveOperationException {
        // package-private constructor (a Spring bean); the benchmark builds the pipeline without a context
        Constructor<QuestDbSchemaInitializer> constructor = QuestDbSchemaInitializer.class.getDeclaredConstructor(QuestDb.class);
        constructor.setAccessible(true);
        return constructor.newInstance(questDb);
    }

    private void truncate() throws SQLException, InterruptedException {
        try (Connection connection = questDb.connection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE quotes");
        }
        awaitApplied(0, "truncate");
    }

    /** Waits until the WAL of quotes is applied and the table holds {@code rows}; returns the nanoseconds waited. */
    private long awaitApplied(long rows, String what) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 120_000_000_000L;
        String last = "";
        try (Connection connection = questDb.connection(); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                long count = -1;
                boolean applied = false;
                try (ResultSet rs = statement.executeQuery(
                        "SELECT writerTxn, sequencerTxn, suspended FROM wal_tables() WHERE name = 'quotes'")) {
                    if (rs.next()) {
                        if (rs.getBoolean(3)) {
                            throw new IllegalStateException("WAL of quotes is suspended after " + what);
                        }
                        applied = rs.getLong(1) == rs.getLong(2);
                        last = "writerTxn " + rs.getLong(1) + ", sequencerTxn " + rs.getLong(2);
                    }
                }
                if (applied) {
                    try (ResultSet rs = statement.executeQuery("SELECT count() FROM quotes")) {
                        rs.next();
                        count = rs.getLong(1);
                    }
                    if (count == rows) {
                        return System.nanoTime() - start;
                    }
                    last += ", count " + count;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("quotes did not reach " + rows + " applied rows after " + what + ": " + last);
    }

    /**
     * Quotes of a fixed symbol list, round robin, with increasing timestamps 100 µs apart and prices on a
     * 0.01 grid (a random walk per symbol; bid <= last <= ask, spread 2–10 cents). Deterministic (seed 42).
     */
    static Quote[] generate(int rows) {
        SplittableRandom random = new SplittableRandom(42);
        long[] cents = new long[SYMBOLS.length];
        for (int s = 0; s < SYMBOLS.length; s++) {
            cents[s] = 10_000 + random.nextLong(90_000);
        }
        Instant base = Instant.parse("2026-01-05T14:30:00Z");
        Quote[] data = new Quote[rows];
        for (int i = 0; i < rows; i++) {
            int s = i % SYMBOLS.length;
            cents[s] = Math.max(100, cents[s] + random.nextInt(-3, 4));
            long spread = 2 + random.nextInt(9);
            long bid = cents[s] - spread / 2;
            data[i] = new Quote(SYMBOLS[s], BigDecimal.valueOf(bid, 2), BigDecimal.valueOf(bid + spread, 2),
                    BigDecimal.valueOf(bid + random.nextLong(spread + 1), 2), base.plus(i * 100L, ChronoUnit.MICROS));
        }
        return data;
    }

    /** Samples of the writer's queue length while publishing: full means the writer thread is the bottleneck. */
    private static final class Backlog implements AutoCloseable {
        private final QuestDbMarketDataWriter writer;
        private final List<Integer> sizes = new ArrayList<>();

        Backlog(QuestDbMarketDataWriter writer) {
            this.writer = writer;
        }

        void sample() {
            sizes.add(writer.backlog());
        }

        String summary() {
            if (sizes.isEmpty()) {
                return "not sampled";
            }
            List<Integer> sorted = sizes.stream().sorted().toList();
            return String.format("median %,d / max %,d rows", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }

        @Override
        public void close() {
        }
    }
}
