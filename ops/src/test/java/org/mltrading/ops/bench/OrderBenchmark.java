package org.mltrading.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.command.entry.OrderEntryWriter;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ops/bench orders}: order entry measured from outside. This process runs the whole platform
 * (all-in-one, embedded stores) and nothing else; the load comes from {@link OrderLoadGenerator} in a
 * second JVM over HTTP with the integrator's JWT. One run prints, with the ratios the goals are set in
 * (absolute figures drift on shared machines):
 * <ul>
 *   <li>the cheap authenticated query's rate and latency through the same stack (the API's floor);</li>
 *   <li>placeOrder throughput with {@code --clients} closed-loop clients, response p50/p99, and the p99
 *       from the mutation sent to the risk decision and to WORKING (event-store timestamps of the
 *       account's verdict and the order's acceptance; the harness and the platform share the clock);</li>
 *   <li>the same latencies at a constant offered {@code --rate} (open loop);</li>
 *   <li>the bare durable append rate of the event store on this machine: the same rows (placed,
 *       approved, accepted per order), committed in batches of the size order entry's writer formed in
 *       the run, with the projections stopped — and orders/s × 3 events against it.</li>
 * </ul>
 * Options: {@code --clients=16 --warmup-seconds=5 --seconds=20 --rate=500 --rate-seconds=10
 * --symbols=AAPL,MSFT,NVDA,SPY --price=1.00 --account=demo-account --generator-opts="-Xmx512m"};
 * unknown {@code --x=y} options go to the platform as Spring properties.
 */
public final class OrderBenchmark {

    private static final double GOAL_ORDERS_PER_SECOND = 2_000;
    private static final double GOAL_DECISION_P99_MS = 20;
    private static final double GOAL_RESPONSE_P99_MS = 50;
    private static final int EVENTS_PER_ORDER = 3;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "clients", "warmup-seconds", "seconds", "symbols", "price", "account",
                "rate", "rate-seconds", "generator-opts", "append-seconds");
        String account = options.value("account", "demo-account");
        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("order-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("OrderBenchmark %s: platform in this JVM (%s), load generator in its own JVM; %d CPUs, %s; "
                        + "platform args %s%n", Instant.now(), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        long startBegin = System.nanoTime();
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(180));
            System.out.printf("platform up in %.1f s%n", (System.nanoTime() - startBegin) / 1e9);
            var context = platform.platformContext();
            OrderEntryWriter writer = context.getBean(OrderEntryWriter.class);
            Path sentFile = dataDir.resolve("sent.txt");
            Map<String, Double> results = runGenerator(options, client, account, sentFile);
            double meanBatch = writer.batches() == 0 ? 1 : writer.works() / (double) writer.batches();
            System.out.printf("order entry writer: %,d works in %,d batches (mean %.1f per commit), %,d fallbacks%n",
                    writer.works(), writer.batches(), meanBatch, writer.fallbacks());

            Map<String, List<long[]>> sentByPhase = readSent(sentFile);
            EventStore eventStore = context.getBean(EventStore.class);
            Latencies orders = latencies(eventStore, sentByPhase.getOrDefault("orders", List.of()));
            Latencies constant = latencies(eventStore, sentByPhase.getOrDefault("rate", List.of()));

            for (EventProcessor processor : context.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
                processor.shutDown();
            }
            double appendEvents = bareAppend(context.getBean(EventStorageEngine.class),
                    context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                    Math.max(1, (int) Math.round(meanBatch)), options.intValue("append-seconds", 5));

            report(results, orders, constant, appendEvents, meanBatch, options.intValue("clients", 16),
                    options.intValue("rate", 500));
        } finally {
            platform.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private static Map<String, Double> runGenerator(BenchArgs options, RunningPlatform client, String account,
                                                    Path sentFile) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.value("generator-opts", "-Xms256m -Xmx512m -XX:+UseSerialGC").split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrderLoadGenerator.class.getName(),
                "--url=" + client.platformUrl(), "--token=" + client.integratorToken(), "--account=" + account,
                "--symbols=" + options.value("symbols", "AAPL,MSFT,NVDA,SPY"), "--price=" + options.value("price", "1.00"),
                "--clients=" + options.intValue("clients", 16), "--seconds=" + options.intValue("seconds", 20),
                "--warmup-seconds=" + options.intValue("warmup-seconds", 5), "--rate=" + options.intValue("rate", 500),
                "--rate-seconds=" + options.intValue("rate-seconds", 10), "--sent-file=" + sentFile));
        Process generator = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> results = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(generator.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    try {
                        results.put(parts[1], Double.parseDouble(parts[2]));
                    } catch (NumberFormatException notANumber) {
                        System.out.println("load generator: " + parts[1] + " " + parts[2]);
                    }
                } else {
                    System.out.println("load generator: " + line);
                }
            }
        }
        if (generator.waitFor() != 0) {
            throw new IllegalStateException("load generator exited with " + generator.exitValue());
        }
        return results;
    }

    private static Map<String, List<long[]>> readSent(Path file) throws IOException {
        Map<String, List<long[]>> byPhase = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            byPhase.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new long[] {
                    java.util.UUID.fromString(parts[1]).getMostSignificantBits(),
                    java.util.UUID.fromString(parts[1]).getLeastSignificantBits(), Long.parseLong(parts[2])});
        }
        return byPhase;
    }

    /** Sent → the account's verdict and → the order's acceptance, from the event store's timestamps (µs). */
    private static Latencies latencies(EventStore eventStore, List<long[]> sent) {
        Latencies latencies = new Latencies();
        for (long[] order : sent) {
            String id = new java.util.UUID(order[0], order[1]).toString();
            DomainEventStream stream = eventStore.readEvents(id);
            Long placed = null;
            Long decided = null;
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                Class<?> type = event.getPayloadType();
                if (type == OrderPlacedEvent.class) {
                    placed = micros(event.getTimestamp());
                } else if (type == OrderAcceptedEvent.class || type == OrderRejectedEvent.class) {
                    decided = micros(event.getTimestamp());
                }
            }
            if (placed == null || decided == null) {
                latencies.missing++;
                continue;
            }
            // the verdict is stored in the same commit as the acceptance, between placed and accepted
            latencies.sentToDecision.recordValue(Math.max(0, decided - order[2]));
            latencies.placedToDecision.recordValue(Math.max(0, decided - placed));
        }
        return latencies;
    }

    /**
     * The event store's own speed here: the rows order entry writes for an order (placed, approved,
     * accepted), appended through the platform's storage engine in transactions of {@code batch} orders.
     */
    private static double bareAppend(EventStorageEngine storage,
                                     org.springframework.transaction.PlatformTransactionManager transactions, int batch,
                                     int seconds) {
        Map<String, Object> who = Map.of(AuditMetadata.ACTOR, "bench:append", AuditMetadata.ACTOR_TYPE, "SYSTEM",
                AuditMetadata.ROLES, "", AuditMetadata.MFA, false);
        AccountId account = new AccountId("bench-append-" + java.util.UUID.randomUUID());
        TransactionTemplate template = new TransactionTemplate(transactions);
        long accountSequence = 0;
        long events = 0;
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            List<EventMessage<?>> rows = new ArrayList<>(batch * EVENTS_PER_ORDER);
            Instant at = Instant.now();
            for (int i = 0; i < batch; i++, n++) {
                OrderId orderId = OrderId.forClientOrder(account, "a-" + n);
                OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, null,
                        TimeInForce.GTC, null);
                rows.add(new GenericDomainEventMessage<>("OrderAggregate", orderId.toString(), 0,
                        new OrderPlacedEvent(orderId, account, "a-" + n, terms, at), who));
                rows.add(new GenericDomainEventMessage<>("AccountAggregate", account.value(), accountSequence++,
                        new PreTradeRiskApprovedEvent(account, orderId, "AAPL", Side.BUY, BigDecimal.ONE, BigDecimal.ONE,
                                at), who));
                rows.add(new GenericDomainEventMessage<>("OrderAggregate", orderId.toString(), 1,
                        new OrderAcceptedEvent(orderId, account, "AAPL", terms, at), who));
            }
            template.executeWithoutResult(status -> storage.appendEvents(rows));
            events += rows.size();
        }
        return events / ((System.nanoTime() - begin) / 1e9);
    }

    private static void report(Map<String, Double> r, Latencies orders, Latencies constant, double appendEvents,
                               double meanBatch, int clients, int rate) {
        double cheapRate = r.getOrDefault("cheap.rate", Double.NaN);
        double orderRate = r.getOrDefault("orders.rate", Double.NaN);
        System.out.println();
        System.out.println("=== ops/bench orders — " + Instant.now() + ", load average " + LoadAverage.read());
        System.out.printf("cheap query { instruments { symbol } }, %d clients: %,.0f req/s; p50 %.2f ms, p99 %.2f ms "
                        + "(failed %.0f)%n", clients, cheapRate, r.get("cheap.p50"), r.get("cheap.p99"),
                r.get("cheap.failed"));
        System.out.printf("placeOrder, %d clients back to back: %,.0f orders/s; response p50 %.2f ms, p99 %.2f ms "
                        + "(failed %.0f)%n", clients, orderRate, r.get("orders.p50"), r.get("orders.p99"),
                r.get("orders.failed"));
        System.out.printf("  mutation sent -> risk decision stored: %s%n", percentiles(orders.sentToDecision));
        System.out.printf("  OrderPlaced -> decision (same commit): %s; %d orders without a decision%n",
                percentiles(orders.placedToDecision), orders.missing);
        if (rate > 0) {
            System.out.printf("placeOrder at a constant offered %d/s: %,.0f orders/s answered; response p50 %.2f ms, "
                            + "p99 %.2f ms (failed %.0f)%n", rate, r.getOrDefault("rate.rate", Double.NaN),
                    r.get("rate.p50"), r.get("rate.p99"), r.get("rate.failed"));
            System.out.printf("  mutation sent -> risk decision stored: %s%n", percentiles(constant.sentToDecision));
        }
        System.out.printf("bare durable append, same rows, %.0f orders (%.0f events) per commit: %,.0f events/s%n",
                meanBatch, meanBatch * EVENTS_PER_ORDER, appendEvents);
        double decisionP99 = orders.sentToDecision.getTotalCount() == 0 ? Double.NaN
                : orders.sentToDecision.getValueAtPercentile(99) / 1_000.0;
        System.out.printf("ratios: orders/cheap query %.2f (goal >= 0.30); order events/bare append %.2f (goal >= 0.25)%n",
                orderRate / cheapRate, orderRate * EVENTS_PER_ORDER / appendEvents);
        System.out.printf("goals: >= %,.0f orders/s %s; decision p99 <= %.0f ms %s (%.2f); response p99 <= %.0f ms %s (%.2f)%n",
                GOAL_ORDERS_PER_SECOND, orderRate >= GOAL_ORDERS_PER_SECOND ? "MET" : "MISSED", GOAL_DECISION_P99_MS,
                decisionP99 <= GOAL_DECISION_P99_MS ? "MET" : "MISSED", decisionP99, GOAL_RESPONSE_P99_MS,
                r.getOrDefault("orders.p99", Double.NaN) <= GOAL_RESPONSE_P99_MS ? "MET" : "MISSED",
                r.getOrDefault("orders.p99", Double.NaN));
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%,d orders)",
                h.getValueAtPercentile(50) / 1_000.0, h.getValueAtPercentile(90) / 1_000.0,
                h.getValueAtPercentile(99) / 1_000.0, h.getMaxValue() / 1_000.0, h.getTotalCount());
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    private static final class Latencies {
        final Histogram sentToDecision = new Histogram(3);
        final Histogram placedToDecision = new Histogram(3);
        long missing;
    }
}
