package org.mltrading.ops.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.marketdata.MarketDataHub;
import org.springframework.util.FileSystemUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Tick-to-subscriber latency and delivered share of the {@code quotes} GraphQL subscription, against a
 * bare WebSocket broadcast of the same messages in the same run (issue 16 item 5).
 *
 * <p>This JVM runs the whole platform ({@code AllInOne}) and the quote feed: {@code --rate} quotes/s of
 * {@code --symbol} published into the platform's {@link MarketDataHub} (the feed's entry point) with
 * {@code time = Instant.now()}; quotes of the symbol from the simulator count too. The subscribers run
 * in a second JVM ({@link QuoteSubscriberProcess}): {@code --connections} WebSocket connections with
 * {@code --per-connection} subscriptions each. Two phases, one after the other on the same platform:
 * <ol>
 *   <li><b>bare</b>: a plain Reactor Netty WebSocket endpoint in this JVM that serialises each quote once
 *       (as the GraphQL {@code next} message would look) and writes it to every connection,
 *       {@code --per-connection} times — the floor any WebSocket server on this machine has;</li>
 *   <li><b>graphql</b>: graphql-transport-ws {@code quotes(symbols: [symbol]) { symbol time }} through the
 *       whole stack (token, limits, DGS, shared execution), heap per subscription measured here.</li>
 * </ol>
 * Printed per phase: delivered messages/s, delivered share (messages ÷ published quotes × subscriptions in
 * the window; the rest conflated), latency percentiles of the delivered messages; then the ratios.
 *
 * <p>Options: {@code --connections=2000 --per-connection=1 --rate=50 --symbol=AAPL --warmup-seconds=5
 * --seconds=20 --clients=4 --connect-parallelism=50 --subscriber-opts="-Xmx1g"}; unknown {@code --x=y}
 * options go to the platform as Spring properties. {@code --subscribers=N} is the older name of
 * {@code --connections}.
 */
public final class QuoteLatencyBenchmark {

    private static final double GOAL_P99_MS = 50;
    private static final double GOAL_SHARE = 0.95;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "subscribers", "connections", "per-connection", "rate", "symbol",
                "warmup-seconds", "seconds", "clients", "connect-parallelism", "subscriber-opts", "phases");
        String symbol = options.value("symbol", "AAPL");
        int connections = options.intValue("connections", options.intValue("subscribers", 2_000));
        int perConnection = options.intValue("per-connection", 1);
        int rate = options.intValue("rate", 50);
        List<String> phases = List.of(options.value("phases", "bare,graphql").split(","));

        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("latency-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("QuoteLatencyBenchmark: %,d connections x %d subscriptions, %s at %d quotes/s from the harness, "
                        + "subscribers in their own JVM, %d CPUs, %s, platform args %s%n", connections, perConnection, symbol,
                rate, Runtime.getRuntime().availableProcessors(), Runtime.version(), platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        long startBegin = System.nanoTime();
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-feed"));
        DisposableServer bare = null;
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(180));
            System.out.printf("platform up in %.1f s%n", (System.nanoTime() - startBegin) / 1e9);
            MarketDataHub hub = platform.platformContext().getBean(MarketDataHub.class);

            LongAdder published = new LongAdder();
            Disposable counter = hub.quotes().filter(q -> q.symbol().equals(symbol)).subscribe(q -> published.increment());
            if (rate > 0) {
                SplittableRandom random = new SplittableRandom(7);
                AtomicLong cents = new AtomicLong(19_000);
                feed.scheduleAtFixedRate(() -> {
                    long bid = cents.addAndGet(random.nextInt(-3, 4));
                    hub.publish(new Quote(symbol, BigDecimal.valueOf(bid, 2), BigDecimal.valueOf(bid + 2, 2),
                            BigDecimal.valueOf(bid + 1, 2), Instant.now()));
                }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
            }
            bare = bareBroadcast(hub, symbol, perConnection);

            Map<String, Phase> results = new LinkedHashMap<>();
            for (String phase : phases) {
                String url = phase.equals("bare")
                        ? "ws://127.0.0.1:" + bare.port() + "/bare"
                        : client.websocketUrl();
                results.put(phase, runPhase(options, phase, url, client.integratorToken(), connections, perConnection,
                        published, List.of()));
            }
            counter.dispose();

            Phase graphql = results.get("graphql");
            Phase floor = results.get("bare");
            if (graphql != null && floor != null) {
                System.out.printf("%nratio graphql / bare: delivered messages/s %.2f, delivered share %.2f, p99 latency %.2f%n",
                        graphql.deliveredPerSecond() / floor.deliveredPerSecond(), graphql.share() / floor.share(),
                        graphql.p99() / Math.max(0.001, floor.p99()));
            }
            if (graphql != null) {
                System.out.printf("goal p99 <= %.0f ms with delivered share >= %.2f: %s (p99 %.2f ms, share %.3f)%n", GOAL_P99_MS,
                        GOAL_SHARE, graphql.p99() <= GOAL_P99_MS && graphql.share() >= GOAL_SHARE ? "MET" : "MISSED",
                        graphql.p99(), graphql.share());
            }
            System.out.println("load average: " + LoadAverage.read() + " (2 cores: above 2 means other work competed)");
        } finally {
            feed.shutdownNow();
            if (bare != null) {
                bare.disposeNow();
            }
            platform.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    /** What one phase measured, from the subscribers' RESULT lines and this JVM's counters. */
    record Phase(Map<String, Double> results, long publishedInWindow, double window) {
        double deliveredPerSecond() {
            return results.getOrDefault("messages", 0.0) / results.getOrDefault("window-seconds", window);
        }

        double share() {
            double expected = publishedInWindow * results.getOrDefault("subscriptions", 0.0);
            return expected == 0 ? 0 : results.getOrDefault("messages", 0.0) / expected;
        }

        double p99() {
            return results.getOrDefault("p99-ms", Double.NaN);
        }
    }

    /** Runs the subscribers' JVM for one phase; {@code extra} options go to it (another document, time field). */
    static Phase runPhase(BenchArgs options, String phase, String url, String token, int connections,
                          int perConnection, LongAdder published, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.value("subscriber-opts", "-Xms256m -Xmx1g -XX:+UseParallelGC").split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), QuoteSubscriberProcess.class.getName(),
                "--url=" + url, "--token=" + token, "--mode=" + phase, "--connections=" + connections,
                "--per-connection=" + perConnection, "--symbol=" + options.value("symbol", "AAPL"),
                "--warmup-seconds=" + options.intValue("warmup-seconds", 5), "--seconds=" + options.intValue("seconds", 20),
                "--clients=" + options.intValue("clients", 4),
                "--connect-parallelism=" + options.intValue("connect-parallelism", 50)));
        command.addAll(extra);
        System.out.printf("%n--- phase %s: %,d connections x %d ---%n", phase, connections, perConnection);
        long heapBefore = phase.equals("graphql") ? usedHeapAfterGc() : 0;
        Process subscribers = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> results = new LinkedHashMap<>();
        long publishedAtStart = 0;
        long publishedAtEnd = 0;
        long windowBegin = 0;
        long windowEnd = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(subscribers.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    try {
                        results.put(parts[1], Double.parseDouble(parts[2]));
                    } catch (NumberFormatException notANumber) {
                        System.out.println("subscribers: " + parts[1] + " " + parts[2]);
                    }
                } else if (line.equals("WINDOW_START")) {
                    publishedAtStart = published.sum();
                    windowBegin = System.nanoTime();
                } else if (line.equals("WINDOW_END")) {
                    publishedAtEnd = published.sum();
                    windowEnd = System.nanoTime();
                } else {
                    System.out.println("subscribers: " + line);
                    if (line.startsWith("READY") && phase.equals("graphql")) {
                        Thread.sleep(2_000);
                        long heapWith = usedHeapAfterGc();
                        int subscriptions = connections * perConnection;
                        System.out.printf("heap: %,d KB before the subscribers, %,d KB with %,d subscriptions: %.1f KB per "
                                        + "subscription (connection included)%n", heapBefore / 1024, heapWith / 1024,
                                subscriptions, (heapWith - heapBefore) / 1024.0 / subscriptions);
                    }
                }
            }
        }
        if (subscribers.waitFor() != 0) {
            throw new IllegalStateException("subscriber process of phase " + phase + " failed: exit " + subscribers.exitValue());
        }
        Phase result = new Phase(results, publishedAtEnd - publishedAtStart, (windowEnd - windowBegin) / 1e9);
        System.out.printf("%s: published %,d %s messages in the window (%.1f/s); delivered %,.0f messages (%,.0f/s), share %.3f; "
                        + "latency of delivered (ms, %,.0f samples): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f; "
                        + "closed %.0f, errors %.0f%n", phase, result.publishedInWindow(), options.value("symbol", "AAPL"),
                result.publishedInWindow() / result.window(), results.getOrDefault("messages", 0.0),
                result.deliveredPerSecond(), result.share(), results.getOrDefault("samples", 0.0),
                results.getOrDefault("p50-ms", Double.NaN), results.getOrDefault("p90-ms", Double.NaN), result.p99(),
                results.getOrDefault("p999-ms", Double.NaN), results.getOrDefault("max-ms", Double.NaN),
                results.getOrDefault("closed", 0.0), results.getOrDefault("errors", 0.0));
        return result;
    }

    /**
     * The floor: each quote of {@code symbol} serialised once, in the shape of the GraphQL {@code next}
     * message, and written to every connection ({@code copies} times), conflated per connection like the
     * platform's streams.
     */
    private static DisposableServer bareBroadcast(MarketDataHub hub, String symbol, int copies) {
        Flux<String> frames = hub.quotes().filter(q -> q.symbol().equals(symbol))
                .map(q -> "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"quotes\":{\"symbol\":\""
                        + q.symbol() + "\",\"time\":\"" + q.time() + "\"}}}}")
                .publish().autoConnect(0);
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/bare", (in, out) -> {
                    Flux<String> stream = frames.onBackpressureLatest()
                            .flatMapIterable(frame -> java.util.Collections.nCopies(copies, frame));
                    return Mono.when(in.receive().then(), out.sendString(stream).then());
                }))
                .bindNow();
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
