package org.mltrading.ops.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;

/**
 * The load generator of {@code ops/bench orders}, in its own process (the platform's JVM only serves):
 * an external client over HTTP/1.1 with the integrator's JWT, as an integrator's program would be.
 * Phases, each after a warm-up: the cheap authenticated query {@code { instruments { symbol } }} with
 * {@code --clients} closed-loop clients (the API's own floor); {@code placeOrder} with the same clients
 * back to back (throughput); {@code placeOrder} at a constant offered {@code --rate} (open loop: a
 * request is sent on schedule whether or not earlier ones were answered, so queueing does not hide the
 * per-order cost). Prints {@code RESULT name value} lines for the harness and writes, for every order
 * answered in a measured phase, "phase orderId sentMicros" to {@code --sent-file}.
 */
public final class OrderLoadGenerator {

    private static final String PLACE = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }";
    private static final String CHEAP = "{ instruments { symbol } }";
    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
    private final URI graphqlUri;
    private final String token;
    private final String account;
    private final String[] symbols;
    private final String price;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Integer> problems = new ConcurrentHashMap<>();
    private final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

    private OrderLoadGenerator(String url, String token, String account, String[] symbols, String price) {
        this.graphqlUri = URI.create(url + "/graphql");
        this.token = token;
        this.account = account;
        this.symbols = symbols;
        this.price = price;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "url", "token", "account", "symbols", "price", "clients", "seconds",
                "warmup-seconds", "rate", "rate-seconds", "sent-file");
        OrderLoadGenerator generator = new OrderLoadGenerator(options.value("url", null), options.value("token", null),
                options.value("account", "demo-account"), options.value("symbols", "AAPL,MSFT,NVDA,SPY").split(","),
                options.value("price", "1.00"));
        int clients = options.intValue("clients", 16);
        int seconds = options.intValue("seconds", 20);
        int warmup = options.intValue("warmup-seconds", 5);

        Phase cheap = generator.closedLoop("cheap", clients, warmup, seconds, generator::cheapQuery);
        cheap.print("cheap");
        Phase orders = generator.closedLoop("orders", clients, warmup, seconds, generator::placeOrder);
        orders.print("orders");
        int rate = options.intValue("rate", 500);
        if (rate > 0) {
            Phase constant = generator.openLoop("rate", rate, options.intValue("rate-seconds", 10));
            constant.print("rate");
        }
        System.out.println("RESULT problems " + generator.problems);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(options.value("sent-file", "sent.txt"))))) {
            generator.sent.forEach(out::println);
        }
        System.exit(0);
    }

    /** What one request did: null when it succeeded, else a short description. */
    private interface Request {
        String call(String phase, boolean measured) throws Exception;
    }

    private record Phase(long answered, long failed, double seconds, Histogram latency) {
        void print(String name) {
            System.out.printf("RESULT %s.rate %.1f%n", name, answered / seconds);
            System.out.printf("RESULT %s.answered %d%n", name, answered);
            System.out.printf("RESULT %s.failed %d%n", name, failed);
            for (double p : new double[] {50, 90, 99, 99.9}) {
                System.out.printf("RESULT %s.p%s %.3f%n", name, p == 99.9 ? "99.9" : String.valueOf((int) p),
                        latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(p) / 1_000.0);
            }
            System.out.printf("RESULT %s.max %.3f%n", name, latency.getMaxValue() / 1_000.0);
        }
    }

    private Phase closedLoop(String phase, int clients, int warmupSeconds, int seconds, Request request)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    boolean measured = System.nanoTime() >= warmupEnd;
                    long begin = System.nanoTime();
                    String problem = safely(request, phase, measured);
                    long done = System.nanoTime();
                    if (measured && done <= end) {
                        if (problem == null) {
                            recorder.recordValue((done - begin) / 1_000);
                            answered.increment();
                        } else {
                            failed.increment();
                        }
                    }
                }
            }, "load-" + phase + "-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Phase(answered.sum(), failed.sum(), seconds, recorder.getIntervalHistogram());
    }

    private Phase openLoop(String phase, int rate, int seconds) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        Semaphore inFlight = new Semaphore(2_000);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        var senders = Executors.newCachedThreadPool();
        long periodNanos = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        AtomicLong scheduled = new AtomicLong();
        long begin = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (scheduled.incrementAndGet() > total || !inFlight.tryAcquire()) {
                return;
            }
            long intended = begin + (scheduled.get() - 1) * periodNanos;
            senders.execute(() -> {
                try {
                    String problem = safely(this::placeOrder, phase, true);
                    // latency from the intended send time: a late send counts against the platform
                    long latency = (System.nanoTime() - intended) / 1_000;
                    if (problem == null) {
                        recorder.recordValue(Math.max(0, latency));
                        answered.increment();
                    } else {
                        failed.increment();
                    }
                } finally {
                    inFlight.release();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1_000L);
        ticker.shutdown();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        return new Phase(answered.sum(), failed.sum(), seconds, recorder.getIntervalHistogram());
    }

    private String safely(Request request, String phase, boolean measured) {
        try {
            String problem = request.call(phase, measured);
            if (problem != null) {
                problems.merge(phase + ": " + (problem.length() > 100 ? problem.substring(0, 100) : problem), 1,
                        Integer::sum);
            }
            return problem;
        } catch (Exception e) {
            problems.merge(phase + ": " + e.getClass().getSimpleName(), 1, Integer::sum);
            return e.getClass().getSimpleName();
        }
    }

    private String cheapQuery(String phase, boolean measured) throws Exception {
        HttpResponse<String> response = post("{\"query\":\"" + CHEAP + "\"}");
        return response.statusCode() == 200 && response.body().contains("\"symbol\"") ? null
                : "HTTP " + response.statusCode() + " " + response.body();
    }

    private String placeOrder(String phase, boolean measured) throws Exception {
        long n = sequence.incrementAndGet();
        String clientOrderId = "bench-" + runId + "-" + n;
        String symbol = symbols[(int) (n % symbols.length)];
        String body = "{\"query\":\"" + PLACE.replace("\"", "\\\"") + "\",\"variables\":{\"input\":{\"accountId\":\""
                + account + "\",\"clientOrderId\":\"" + clientOrderId + "\",\"symbol\":\"" + symbol
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"" + price
                + "\",\"timeInForce\":\"GTC\"}}}";
        long sentMicros = micros(Instant.now());
        HttpResponse<String> response = post(body);
        String problem = outcome(response);
        if (problem == null && measured) {
            sent.add(phase + " " + OrderId.forClientOrder(new AccountId(account), clientOrderId) + " " + sentMicros);
        }
        return problem;
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(graphqlUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Null when the order was placed and decided, else what went wrong (HTTP status or GraphQL error code). */
    private static String outcome(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        if (body.contains("\"errors\"")) {
            Matcher code = ERROR_CODE.matcher(body);
            return code.find() ? code.group(1) : "error " + body;
        }
        if (!body.contains("\"placeOrder\":{\"id\"")) {
            return "unexpected " + body;
        }
        return body.contains("\"status\":\"WORKING\"") || body.contains("\"status\":\"REJECTED\"") ? null
                : "undecided " + body;
    }

    static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }
}
