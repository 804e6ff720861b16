package org.mltrading.ops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.util.FileSystemUtils;

/**
 * Order placement through the public API: the whole platform in this JVM, {@code --clients} threads
 * each placing orders back to back with the {@code placeOrder} GraphQL mutation over HTTP/1.1
 * (java.net.http, the integrator's JWT as bearer token), so that many orders are in flight at once.
 *
 * <p>Orders: LIMIT BUY 1 at {@code --price} (far below the market, so they rest as WORKING and never
 * fill), GTC, each with a unique {@code clientOrderId}, round robin over {@code --symbols} (the open
 * quantity counts against the per-instrument position limit, 100,000 units by default, so the load is
 * spread over several symbols). The account's default limits (gross exposure 5,000,000 USD, 5,000
 * orders/s) and the local profile's API rate limit (5,000/s, burst 10,000) are above the rates reached.
 *
 * <p>Measured over a fixed window after a warm-up: (a) placeOrder throughput (answers received in the
 * window) and the HTTP latency of placeOrder (it answers once the order can be read: command stored +
 * order projection), HdrHistogram; (b) for every {@code --sample-every}-th order sent in the window, the
 * latency to its pre-trade risk decision, read from the event store afterwards: {@code OrderPlacedEvent}
 * (order stream) → {@code PreTradeRiskApprovedEvent}/{@code PreTradeRiskRejectedEvent} (account stream),
 * and the same from the moment the harness sent the mutation; plus placed → {@code OrderAcceptedEvent}
 * (status WORKING). Event timestamps and the harness share the system clock (one JVM).
 *
 * <p>Options: {@code --clients=16 --warmup-seconds=5 --seconds=20 --symbols=AAPL,MSFT,NVDA,SPY
 * --price=1.00 --account=demo-account --sample-every=1}; unknown {@code --x=y} options go to the
 * platform as Spring properties.
 */
public final class OrderBenchmark {

    private static final double GOAL_ORDERS_PER_SECOND = 2_000;
    private static final long GOAL_P99_MICROS = 20_000;
    private static final String PLACE = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }";
    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI graphqlUri;
    private final String token;
    private final String account;
    private final String[] symbols;
    private final String price;
    private final int sampleEvery;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder answered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, Integer> problems = new ConcurrentHashMap<>();
    /** Order id → wall clock (µs) when its mutation was sent; orders sent in the window, every sampleEvery-th. */
    private final Map<String, Long> sampled = new ConcurrentHashMap<>();
    private final AtomicLongArray perSecond;
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile long windowBeginNanos;

    private OrderBenchmark(String platformUrl, String token, String account, String[] symbols, String price,
                           int sampleEvery, int seconds) {
        this.graphqlUri = URI.create(platformUrl + "/graphql");
        this.token = token;
        this.account = account;
        this.symbols = symbols;
        this.price = price;
        this.sampleEvery = Math.max(1, sampleEvery);
        this.perSecond = new AtomicLongArray(seconds + 2);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "clients", "warmup-seconds", "seconds", "symbols", "price", "account",
                "sample-every");
        int clients = options.intValue("clients", 16);
        int warmupSeconds = options.intValue("warmup-seconds", 5);
        int seconds = options.intValue("seconds", 20);
        String[] symbols = options.value("symbols", "AAPL,MSFT,NVDA,SPY").split(",");
        String price = options.value("price", "1.00");
        String account = options.value("account", "demo-account");
        int sampleEvery = options.intValue("sample-every", 1);

        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("order-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("OrderBenchmark: %d client threads placing LIMIT BUY 1 @ %s GTC on %s (%s), warm-up %d s, "
                        + "window %d s, risk latency of every %d. order, %d CPUs, %s, platform args %s%n", clients, price,
                account, String.join(",", symbols), warmupSeconds, seconds, sampleEvery,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        long startBegin = System.nanoTime();
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(120));
            System.out.printf("platform up in %.1f s%n", (System.nanoTime() - startBegin) / 1e9);
            OrderBenchmark bench = new OrderBenchmark(client.platformUrl(), client.integratorToken(), account, symbols,
                    price, sampleEvery, seconds);
            bench.run(platform.platformContext().getBean(EventStore.class), clients, warmupSeconds, seconds);
        } finally {
            platform.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private void run(EventStore eventStore, int clients, int warmupSeconds, int seconds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::placeOrders, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(warmupSeconds * 1_000L);
        long warmupOrders = answered.sum();
        long warmupFailed = failed.sum();
        recorder.reset();
        answered.reset();
        failed.reset();
        windowBeginNanos = System.nanoTime();
        measuring = true;
        Thread.sleep(seconds * 1_000L);
        measuring = false;
        double window = (System.nanoTime() - windowBeginNanos) / 1e9;
        long orders = answered.sum();
        long errors = failed.sum();
        Histogram http = recorder.getIntervalHistogram();
        String loadAtEnd = LoadAverage.read();
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        double rate = orders / window;
        System.out.printf("%nwarm-up: %,d orders answered (%,d failed) in %d s = %,.0f orders/s%n", warmupOrders,
                warmupFailed, warmupSeconds, warmupOrders / (double) warmupSeconds);
        System.out.printf("window %.1f s, %d clients: %,d orders answered = %,.0f orders/s; failed %,d %s%n", window,
                clients, orders, rate, errors, problems.isEmpty() ? "" : problems);
        StringBuilder slices = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            slices.append(s == 0 ? "" : " ").append(perSecond.get(s));
        }
        System.out.println("orders answered per second of the window: " + slices);
        System.out.printf("placeOrder HTTP latency (ms, %,d samples): %s%n", http.getTotalCount(), percentiles(http));
        System.out.println("load average at the end of the window: " + loadAtEnd
                + " (2 cores: above 2 means other work competed)");

        Decisions decisions = awaitDecisions(eventStore, Duration.ofSeconds(90));
        System.out.printf("%nrisk decisions of %,d sampled orders sent in the window (read from the event store %.1f s "
                        + "after the window): %,d approved, %,d rejected %s, %,d without a decision%n", sampled.size(),
                decisions.waitedSeconds, decisions.approved, decisions.rejected,
                decisions.rejectCodes.isEmpty() ? "" : decisions.rejectCodes, decisions.missing);
        System.out.printf("OrderPlacedEvent -> risk decision (ms, %,d): %s%n", decisions.placedToDecision.getTotalCount(),
                percentiles(decisions.placedToDecision));
        System.out.printf("mutation sent    -> risk decision (ms, %,d): %s%n", decisions.sentToDecision.getTotalCount(),
                percentiles(decisions.sentToDecision));
        System.out.printf("OrderPlacedEvent -> OrderAccepted (WORKING) (ms, %,d): %s%n",
                decisions.placedToAccepted.getTotalCount(), percentiles(decisions.placedToAccepted));
        System.out.println("load average: " + LoadAverage.read() + " (2 cores: above 2 means other work competed)");
        long p99 = decisions.placedToDecision.getValueAtPercentile(99);
        System.out.printf("goal >= %,.0f orders/s: %s (%,.0f orders/s); goal p99 placeOrder -> risk decision <= %d ms: %s "
                        + "(p99 %.2f ms from OrderPlacedEvent, %.2f ms from the mutation sent)%n", GOAL_ORDERS_PER_SECOND,
                rate >= GOAL_ORDERS_PER_SECOND ? "MET" : "MISSED", rate, GOAL_P99_MICROS / 1_000,
                decisions.placedToDecision.getTotalCount() > 0 && decisions.missing == 0 && p99 <= GOAL_P99_MICROS
                        ? "MET" : "MISSED", ms(p99), ms(decisions.sentToDecision.getValueAtPercentile(99)));
    }

    /** One client thread: places orders back to back until the run ends. */
    private void placeOrders() {
        while (running) {
            long n = sequence.incrementAndGet();
            String clientOrderId = "bench-" + runId + "-" + n;
            String symbol = symbols[(int) (n % symbols.length)];
            String body = "{\"query\":\"" + PLACE.replace("\"", "\\\"") + "\",\"variables\":{\"input\":{\"accountId\":\""
                    + account + "\",\"clientOrderId\":\"" + clientOrderId + "\",\"symbol\":\"" + symbol
                    + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"" + price
                    + "\",\"timeInForce\":\"GTC\"}}}";
            HttpRequest request = HttpRequest.newBuilder(graphqlUri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/graphql-response+json, application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            boolean inWindow = measuring;
            long sentMicros = nowMicros();
            long begin = System.nanoTime();
            String outcome;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                outcome = outcome(response);
            } catch (Exception e) {
                outcome = "exception " + e.getClass().getSimpleName();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long end = System.nanoTime();
            if (outcome == null) {
                if (measuring) {
                    recorder.recordValue(Math.max(0, (end - begin) / 1_000));
                    answered.increment();
                    int second = (int) ((end - windowBeginNanos) / 1_000_000_000L);
                    if (second >= 0 && second < perSecond.length()) {
                        perSecond.incrementAndGet(second);
                    }
                } else if (!inWindow) {
                    answered.increment(); // warm-up (reset when the window opens)
                }
                if (inWindow && n % sampleEvery == 0) {
                    sampled.put(OrderId.forClientOrder(new AccountId(account), clientOrderId).toString(), sentMicros);
                }
            } else {
                if (measuring || !inWindow) {
                    failed.increment();
                }
                problems.merge(outcome.length() > 120 ? outcome.substring(0, 120) : outcome, 1, Integer::sum);
            }
        }
    }

    /** Null when the order was placed, else what went wrong (HTTP status or GraphQL error code). */
    private static String outcome(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        if (body.contains("\"errors\"")) {
            Matcher code = ERROR_CODE.matcher(body);
            return code.find() ? code.group(1) : "error " + body;
        }
        return body.contains("\"placeOrder\":{\"id\"") ? null : "unexpected " + body;
    }

    /** Polls the event store until every sampled order has its risk decision (or the timeout passes). */
    private Decisions awaitDecisions(EventStore eventStore, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        Map<String, DomainEventMessage<?>> verdicts = new HashMap<>();
        while (true) {
            verdicts.clear();
            DomainEventStream stream = eventStore.readEvents(account);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                Class<?> type = event.getPayloadType();
                if (type == PreTradeRiskApprovedEvent.class) {
                    verdicts.put(((PreTradeRiskApprovedEvent) event.getPayload()).orderId().toString(), event);
                } else if (type == PreTradeRiskRejectedEvent.class) {
                    verdicts.put(((PreTradeRiskRejectedEvent) event.getPayload()).orderId().toString(), event);
                }
            }
            if (verdicts.keySet().containsAll(sampled.keySet()) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1_000);
        }
        Decisions decisions = new Decisions((System.nanoTime() - begin) / 1e9);
        for (Map.Entry<String, Long> order : sampled.entrySet()) {
            DomainEventMessage<?> verdict = verdicts.get(order.getKey());
            if (verdict == null) {
                decisions.missing++;
                continue;
            }
            long decided = micros(verdict.getTimestamp());
            if (verdict.getPayload() instanceof PreTradeRiskRejectedEvent rejected) {
                decisions.rejected++;
                decisions.rejectCodes.merge(rejected.code().name(), 1, Integer::sum);
            } else {
                decisions.approved++;
            }
            decisions.sentToDecision.recordValue(Math.max(0, decided - order.getValue()));
            Long placed = null;
            Long accepted = null;
            DomainEventStream stream = eventStore.readEvents(order.getKey());
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                Class<?> type = event.getPayloadType();
                if (type == OrderPlacedEvent.class) {
                    placed = micros(event.getTimestamp());
                } else if (type == OrderAcceptedEvent.class || type == OrderRejectedEvent.class) {
                    accepted = micros(event.getTimestamp());
                }
            }
            if (placed != null) {
                decisions.placedToDecision.recordValue(Math.max(0, decided - placed));
                if (accepted != null) {
                    decisions.placedToAccepted.recordValue(Math.max(0, accepted - placed));
                }
            }
        }
        return decisions;
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f", ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    private static long nowMicros() {
        return micros(Instant.now());
    }

    /** Latencies to the risk decision of the sampled orders, in µs. */
    private static final class Decisions {
        final Histogram placedToDecision = new Histogram(3);
        final Histogram sentToDecision = new Histogram(3);
        final Histogram placedToAccepted = new Histogram(3);
        final Map<String, Integer> rejectCodes = new HashMap<>();
        final double waitedSeconds;
        long approved;
        long rejected;
        long missing;

        Decisions(double waitedSeconds) {
            this.waitedSeconds = waitedSeconds;
        }
    }
}
