package org.mltrading.ops.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.marketdata.MarketDataHub;
import org.springframework.util.FileSystemUtils;
import reactor.core.Disposable;

/**
 * Tick-to-subscriber latency of the {@code quotes} GraphQL subscription: the whole platform in this JVM,
 * N separate graphql-transport-ws connections (java.net.http WebSocket, one subscription each), latency =
 * wall clock when the message is read − the quote's {@code time} (stamped from the system clock when the
 * quote is published into the hub), into an HdrHistogram.
 *
 * <p>The quotes come from this harness, which publishes {@code --rate} quotes/s of {@code --symbol} into
 * the platform's {@link MarketDataHub} (the feed's entry point) with {@code time = Instant.now()}. Quotes of
 * the same symbol from another feed running in the platform (e.g. a simulator) are measured as well;
 * the published count printed is the hub's, whatever the source. Unknown {@code --x=y} options go to the
 * platform as Spring properties (e.g. {@code --platform.marketdata.simulator.ticks-per-second=…}).
 *
 * <p>Options: {@code --subscribers=1000 --rate=50 --symbol=AAPL --warmup-seconds=5 --seconds=20
 * --clients=4 --connect-parallelism=50}.
 */
public final class QuoteLatencyBenchmark {

    private static final long GOAL_P99_MICROS = 50_000;

    private final Recorder recorder = new Recorder(3);
    private final LongAdder received = new LongAdder();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, Integer> problems = new ConcurrentHashMap<>();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "subscribers", "rate", "symbol", "warmup-seconds", "seconds", "clients",
                "connect-parallelism");
        String symbol = options.value("symbol", "AAPL");
        int subscribers = options.intValue("subscribers", 1_000);
        int rate = options.intValue("rate", 50);
        int warmupSeconds = options.intValue("warmup-seconds", 5);
        int seconds = options.intValue("seconds", 20);
        int clients = options.intValue("clients", 4);
        int parallelism = options.intValue("connect-parallelism", 50);

        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("latency-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("QuoteLatencyBenchmark: %,d subscribers on %d WebSocket clients, %s at %d quotes/s from the harness, "
                        + "warm-up %d s, window %d s, %d CPUs, %s, platform args %s%n", subscribers, clients, symbol, rate,
                warmupSeconds, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version(), platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        long startBegin = System.nanoTime();
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-feed"));
        ExecutorService callbacks = Executors.newFixedThreadPool(clients, r -> daemon(r, "bench-ws"));
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(120));
            System.out.printf("platform up in %.1f s%n", (System.nanoTime() - startBegin) / 1e9);
            String token = client.integratorToken();
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

            QuoteLatencyBenchmark bench = new QuoteLatencyBenchmark();
            List<HttpClient> httpClients = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                httpClients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build());
            }
            long connectBegin = System.nanoTime();
            List<Subscriber> subs = bench.connect(httpClients, URI.create(client.websocketUrl()), token, symbol, subscribers,
                    parallelism);
            double connectSeconds = (System.nanoTime() - connectBegin) / 1e9;
            long live = subs.stream().filter(s -> s.firstMessage.isDone()).count();
            System.out.printf("%,d subscribers connected and subscribed in %.1f s; %,d already received a quote%n",
                    subs.size(), connectSeconds, live);

            Thread.sleep(warmupSeconds * 1_000L);
            live = subs.stream().filter(s -> s.firstMessage.isDone()).count();
            bench.recorder.reset();
            long receivedBefore = bench.received.sum();
            long publishedBefore = published.sum();
            long windowBegin = System.nanoTime();
            bench.measuring = true;
            Thread.sleep(seconds * 1_000L);
            bench.measuring = false;
            double window = (System.nanoTime() - windowBegin) / 1e9;
            Histogram histogram = bench.recorder.getIntervalHistogram();
            long messages = bench.received.sum() - receivedBefore;
            long ticks = published.sum() - publishedBefore;
            counter.dispose();

            System.out.printf("%nwindow %.1f s, %,d subscribers (%,d had received a quote before the window)%n", window,
                    subs.size(), live);
            System.out.printf("published %s quotes: %,d (%.1f/s); delivered messages: %,d (%,.0f/s) = %.1f%% of "
                            + "published x subscribers (the rest conflated)%n", symbol, ticks, ticks / window, messages,
                    messages / window, ticks == 0 ? 0 : 100.0 * messages / ((double) ticks * subs.size()));
            System.out.printf("tick-to-subscriber latency (ms, %,d samples): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                    ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()));
            System.out.printf("closed connections: %d, protocol errors: %d %s%n", bench.closed.get(), bench.errors.get(),
                    bench.problems.isEmpty() ? "" : bench.problems);
            System.out.println("load average: " + LoadAverage.read() + " (2 cores: above 2 means other work competed)");
            long p99 = histogram.getValueAtPercentile(99);
            System.out.printf("goal p99 <= 50 ms: %s (p99 %.2f ms)%n",
                    histogram.getTotalCount() > 0 && p99 <= GOAL_P99_MICROS ? "MET" : "MISSED", ms(p99));
            for (Subscriber sub : subs) {
                sub.close();
            }
        } finally {
            feed.shutdownNow();
            platform.close();
            callbacks.shutdownNow();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private List<Subscriber> connect(List<HttpClient> httpClients, URI uri, String token, String symbol, int count,
                                     int parallelism) throws InterruptedException {
        Semaphore inFlight = new Semaphore(parallelism);
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            Subscriber sub = new Subscriber(token, symbol);
            subs.add(sub);
            httpClients.get(i % httpClients.size()).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(uri, sub)
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            problem("connect failed: " + rootMessage(error));
                            sub.subscribed.completeExceptionally(error);
                        }
                    });
            sub.subscribed.whenComplete((ok, error) -> inFlight.release());
        }
        inFlight.acquire(parallelism);
        long failed = subs.stream().filter(s -> s.subscribed.isCompletedExceptionally()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + count + " subscribers could not connect: " + problems);
        }
        return subs;
    }

    private void problem(String what) {
        problems.merge(what.length() > 120 ? what.substring(0, 120) : what, 1, Integer::sum);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One graphql-transport-ws connection with one quotes subscription. */
    private final class Subscriber implements WebSocket.Listener {

        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        final CompletableFuture<Void> firstMessage = new CompletableFuture<>();
        private final String token;
        private final String symbol;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending;
        private volatile WebSocket socket;

        Subscriber(String token, String symbol) {
            this.token = token;
            this.symbol = symbol;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            sending = CompletableFuture.completedFuture(webSocket);
            send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = nowMicros();
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                handle(message, now);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String message, long receivedMicros) {
            if (message.contains("\"type\":\"next\"")) {
                int at = message.indexOf("\"time\":\"");
                if (at < 0) {
                    errors.incrementAndGet();
                    problem("next without time: " + message);
                    return;
                }
                int from = at + 8;
                Instant time = OffsetDateTime.parse(message.substring(from, message.indexOf('"', from))).toInstant();
                long latency = receivedMicros - (time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000);
                if (measuring) {
                    recorder.recordValue(Math.max(0, latency));
                    received.increment();
                }
                firstMessage.complete(null);
            } else if (message.contains("\"type\":\"connection_ack\"")) {
                send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { quotes(symbols: [\\\""
                        + symbol + "\\\"]) { symbol time } }\"}}");
                subscribed.complete(null);
            } else if (message.contains("\"type\":\"ping\"")) {
                send("{\"type\":\"pong\"}");
            } else if (!message.contains("\"type\":\"pong\"")) {
                errors.incrementAndGet();
                problem("unexpected: " + message);
            }
        }

        private synchronized void send(String text) {
            sending = sending.thenCompose(ws -> ws.sendText(text, true));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.incrementAndGet();
            problem("closed " + statusCode + " " + reason);
            subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            errors.incrementAndGet();
            problem("error: " + rootMessage(error));
            subscribed.completeExceptionally(error);
        }

        void close() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            }
        }
    }
}
