package org.mltrading.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.news.NewsDraft;
import org.mltrading.query.news.NewsHub;
import org.mltrading.query.news.NewsIngest;
import org.mltrading.query.news.NewsKind;
import org.springframework.util.FileSystemUtils;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * News → subscriber latency of the {@code news} GraphQL subscription (issue 17 item 8), against a bare
 * WebSocket broadcast of the same items in the same run.
 *
 * <p>This JVM runs the platform and a feed: {@code --rate} items/s about {@code --symbol} handed to the
 * platform's {@link NewsIngest} (the entry of every feed), which stamps {@code receivedAt} when it gets
 * them, then recognises, scores (an Axon query to the ML bridge), stores (QuestDB series, MongoDB) and
 * publishes. Subscribers run in a second JVM ({@link QuoteSubscriberProcess} with the news document):
 * latency = receipt − {@code receivedAt}, so it includes scoring and storing. Phase <b>bare</b>: the same
 * items, serialised once as the GraphQL message would be, written to plain WebSocket connections from the
 * hub — the floor; phase <b>graphql</b>: {@code news(symbols: [symbol]) { id receivedAt }} through the
 * whole stack. Options: {@code --connections=200 --rate=20 --symbol=AAPL --warmup-seconds=5 --seconds=20};
 * other {@code --x=y} go to the platform as Spring properties.
 */
public final class NewsLatencyBenchmark {

    private static final double GOAL_P99_MS = 100;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "connections", "rate", "symbol", "warmup-seconds", "seconds", "clients",
                "connect-parallelism", "subscriber-opts", "phases", "per-connection");
        String symbol = options.value("symbol", "AAPL");
        int connections = options.intValue("connections", 200);
        int rate = options.intValue("rate", 20);
        List<String> phases = List.of(options.value("phases", "bare,graphql").split(","));
        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN", "--platform.news.simulator.enabled=false"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("news-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("NewsLatencyBenchmark: %,d subscribers of %s news, %d items/s through the ingest, subscribers in "
                + "their own JVM, %d CPUs, platform args %s%n", connections, symbol, rate,
                Runtime.getRuntime().availableProcessors(), platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(r -> QuoteLatencyBenchmark.daemon(r, "news-feed"));
        DisposableServer bare = null;
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(180));
            NewsIngest ingest = platform.platformContext().getBean(NewsIngest.class);
            NewsHub hub = platform.platformContext().getBean(NewsHub.class);
            LongAdder published = new LongAdder();
            Sinks.Many<String> frames = Sinks.many().multicast().directBestEffort();
            hub.subscribe(Set.of(symbol), item -> {
                published.increment();
                frames.tryEmitNext("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"news\":{\"id\":\"" + item.id()
                        + "\",\"receivedAt\":\"" + item.receivedAt() + "\"}}}}");
            });
            AtomicLong sequence = new AtomicLong();
            LongAdder failures = new LongAdder();
            String[] headlines = {"$" + symbol + " rallies on record profit", "$" + symbol + " slides after a profit warning",
                "$" + symbol + " holds steady ahead of results"};
            feed.scheduleAtFixedRate(() -> {
                long n = sequence.incrementAndGet();
                try {
                    ingest.ingest(List.of(new NewsDraft("bench", "item-" + n, NewsKind.NEWS, Instant.now(),
                            headlines[(int) (n % headlines.length)], null, "en", List.of(), null)));
                } catch (RuntimeException e) {
                    failures.increment();
                }
            }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
            bare = HttpServer.create().host("127.0.0.1").port(0)
                    .route(routes -> routes.ws("/bare", (in, out) -> Mono.when(in.receive().then(),
                            out.sendString(frames.asFlux().onBackpressureBuffer(1_024)).then())))
                    .bindNow();

            Map<String, QuoteLatencyBenchmark.Phase> results = new LinkedHashMap<>();
            for (String phase : phases) {
                String url = phase.equals("bare") ? "ws://127.0.0.1:" + bare.port() + "/bare" : client.websocketUrl();
                results.put(phase, QuoteLatencyBenchmark.runPhase(options, phase, url, client.integratorToken(), connections, 1,
                        published, List.of("--document=subscription { news(symbols: [\"" + symbol + "\"]) { id receivedAt } }",
                                "--time-field=receivedAt")));
            }
            QuoteLatencyBenchmark.Phase graphql = results.get("graphql");
            QuoteLatencyBenchmark.Phase floor = results.get("bare");
            if (graphql != null && floor != null) {
                System.out.printf("%nratio graphql / bare: delivered share %.2f, p99 latency %.2f%n",
                        graphql.share() / Math.max(1e-9, floor.share()), graphql.p99() / Math.max(0.001, floor.p99()));
            }
            if (graphql != null) {
                System.out.printf("goal news -> subscriber p99 <= %.0f ms: %s (p99 %.2f ms, share %.3f); ingest failures %d%n",
                        GOAL_P99_MS, graphql.p99() <= GOAL_P99_MS ? "MET" : "MISSED", graphql.p99(), graphql.share(),
                        failures.sum());
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
}
