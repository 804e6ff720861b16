package org.mltrading.ops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The subscribers of {@link QuoteLatencyBenchmark}, in a JVM of their own (the platform's JVM must not
 * pay for its load clients): {@code --connections} WebSocket connections (java.net.http), each with
 * {@code --per-connection} subscriptions, either graphql-transport-ws {@code quotes} subscriptions
 * ({@code --mode=graphql}) or a bare broadcast endpoint that sends the same message shape
 * ({@code --mode=bare}, one stream per connection). Latency = wall clock at receipt − the quote's
 * {@code time}. Talks to the parent on stdout: {@code READY}, {@code WINDOW_START}, {@code WINDOW_END},
 * then {@code RESULT name value} lines.
 */
public final class QuoteSubscriberProcess {

    private final Recorder recorder = new Recorder(3);
    private final LongAdder received = new LongAdder();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, Integer> problems = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private static String document;
    private static String timeField = "\"time\":\"";

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "url", "token", "mode", "connections", "per-connection", "symbol",
                "warmup-seconds", "seconds", "clients", "connect-parallelism", "document", "time-field");
        // another subscription (e.g. news) measured the same way: its document and the field with the send time
        document = options.value("document", null);
        timeField = "\"" + options.value("time-field", "time") + "\":\"";
        String mode = options.value("mode", "graphql");
        int connections = options.intValue("connections", 1_000);
        // bare: the endpoint sends each message per-connection times on the one stream of the connection
        int perConnection = options.intValue("per-connection", 1);
        int clients = options.intValue("clients", 4);
        ExecutorService callbacks = Executors.newFixedThreadPool(clients, r -> {
            Thread thread = new Thread(r, "subscriber-ws");
            thread.setDaemon(true);
            return thread;
        });
        QuoteSubscriberProcess process = new QuoteSubscriberProcess();
        List<HttpClient> httpClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            httpClients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(20)).build());
        }
        long begin = System.nanoTime();
        List<Connection> all = process.connect(httpClients, URI.create(options.value("url", "")), options.value("token", ""),
                mode, options.value("symbol", "AAPL"), connections, perConnection, options.intValue("connect-parallelism", 50));
        System.out.printf("READY %d connections, %d subscriptions in %.1f s%n", all.size(), all.size() * perConnection,
                (System.nanoTime() - begin) / 1e9);
        Thread.sleep(options.intValue("warmup-seconds", 5) * 1_000L);
        process.recorder.reset();
        long before = process.received.sum();
        System.out.println("WINDOW_START");
        long windowBegin = System.nanoTime();
        process.measuring = true;
        Thread.sleep(options.intValue("seconds", 20) * 1_000L);
        process.measuring = false;
        System.out.println("WINDOW_END");
        double window = (System.nanoTime() - windowBegin) / 1e9;
        Histogram histogram = process.recorder.getIntervalHistogram();
        result("window-seconds", window);
        result("subscriptions", all.size() * perConnection);
        result("messages", process.received.sum() - before);
        result("samples", histogram.getTotalCount());
        result("p50-ms", histogram.getValueAtPercentile(50) / 1e3);
        result("p90-ms", histogram.getValueAtPercentile(90) / 1e3);
        result("p99-ms", histogram.getValueAtPercentile(99) / 1e3);
        result("p999-ms", histogram.getValueAtPercentile(99.9) / 1e3);
        result("max-ms", histogram.getMaxValue() / 1e3);
        result("closed", process.closed.get());
        result("errors", process.errors.get());
        if (!process.problems.isEmpty()) {
            System.out.println("RESULT problems " + process.problems);
        }
        all.forEach(Connection::close);
        System.exit(0);
    }

    private static void result(String name, double value) {
        System.out.println("RESULT " + name + " " + value);
    }

    private List<Connection> connect(List<HttpClient> httpClients, URI uri, String token, String mode, String symbol,
                                     int count, int perConnection, int parallelism) throws InterruptedException {
        Semaphore inFlight = new Semaphore(parallelism);
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            Connection connection = new Connection(token, mode, symbol, perConnection);
            all.add(connection);
            httpClients.get(i % httpClients.size()).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(uri, connection)
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            problem("connect failed: " + root(error));
                            connection.subscribed.completeExceptionally(error);
                        }
                    });
            connection.subscribed.whenComplete((ok, error) -> inFlight.release());
        }
        if (!inFlight.tryAcquire(parallelism, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections not established within 120 s: " + problems);
        }
        long failed = all.stream().filter(c -> c.subscribed.isCompletedExceptionally()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + count + " connections failed: " + problems);
        }
        return all;
    }

    private void problem(String what) {
        problems.merge(what.length() > 120 ? what.substring(0, 120) : what, 1, Integer::sum);
    }

    private static String root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** One WebSocket connection: graphql-transport-ws with N quotes subscriptions, or the bare stream. */
    private final class Connection implements WebSocket.Listener {

        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final String token;
        private final String mode;
        private final String symbol;
        private final int subscriptions;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending;
        private volatile WebSocket socket;

        Connection(String token, String mode, String symbol, int subscriptions) {
            this.token = token;
            this.mode = mode;
            this.symbol = symbol;
            this.subscriptions = subscriptions;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            sending = CompletableFuture.completedFuture(webSocket);
            if (mode.equals("bare")) {
                subscribed.complete(null);
            } else {
                send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
            }
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
                int at = message.indexOf(timeField);
                if (at < 0) {
                    errors.incrementAndGet();
                    problem("next without time: " + message);
                    return;
                }
                int from = at + timeField.length();
                Instant time = OffsetDateTime.parse(message.substring(from, message.indexOf('"', from))).toInstant();
                long latency = receivedMicros - (time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000);
                if (measuring) {
                    recorder.recordValue(Math.max(0, latency));
                    received.increment();
                }
            } else if (message.contains("\"type\":\"connection_ack\"")) {
                for (int id = 1; id <= subscriptions; id++) {
                    String query = document != null ? document.replace("\"", "\\\"")
                            : "subscription { quotes(symbols: [\\\"" + symbol + "\\\"]) { symbol time } }";
                    send("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query + "\"}}");
                }
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
            problem("error: " + root(error));
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
