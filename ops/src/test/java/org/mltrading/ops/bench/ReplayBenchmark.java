package org.mltrading.ops.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.projection.ProjectionChecksums;
import org.mltrading.query.projection.ProjectionReplay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Projection rebuild (replay) throughput: the whole platform in this JVM on a fresh data directory;
 * {@code --orders} synthetic order lifecycles are appended to the H2 event store (per order: placed,
 * accepted, filled on the order; approved, fill applied, exposure released on the account: six events),
 * the live projections catch up, then each MongoDB projection is rebuilt with the same code path as
 * the ADMIN mutation {@code rebuildProjection} (stop, reset tokens, start) and timed until it reaches
 * the head again. Events/s = events in the store / rebuild time (a processor reads every stored event
 * and handles those of its aggregate type). The read-model checksum after the rebuild must equal the
 * live one's. Every other processor (venue, audit chain, sagas, other projections) is stopped first: the synthetic orders must not
 * be routed, and nothing else competes for the 2 cores.
 *
 * <p>Options: {@code --orders=50000 --batch=1000}; unknown {@code --x=y} options go to the platform as
 * Spring properties (e.g. {@code --axon.eventhandling.processors.order-projection.batch-size=500}).
 */
public final class ReplayBenchmark {

    private static final double GOAL_EVENTS_PER_SECOND = 20_000;
    private static final AccountId ACCOUNT = new AccountId("bench-replay");

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        BenchArgs options = new BenchArgs(args, "orders", "batch");
        int orders = options.intValue("orders", 50_000);
        int batch = options.intValue("batch", 1_000);
        List<String> platformArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
        platformArgs.addAll(options.passThrough());
        Path dataDir = Files.createTempDirectory("replay-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("ReplayBenchmark: %d synthetic orders (%d events), append batches of %d, %d CPUs, %s, "
                + "platform args %s%n", orders, orders * 6L + 1, batch, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), platformArgs);
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        try {
            RunningPlatform.clientOnly(settings).awaitHealthy(Duration.ofSeconds(120));
            run(platform, orders, batch);
        } finally {
            platform.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private static void run(AllInOne platform, int orders, int batch) throws InterruptedException {
        var context = platform.platformContext();
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        // only the two measured projections run: the venue must not route the synthetic orders, and the
        // audit chain, sagas and the other projections would compete for the 2 cores (the strategy saga
        // looked up 10,000 synthetic fills during the rebuilds and took a fifth of the samples)
        processing.eventProcessors().forEach((name, processor) -> {
            if (!List.of("order-projection", "account-projection").contains(name)) {
                processor.shutDown();
            }
        });
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionManager transactions = context.getBean(TransactionManager.class);
        long appendBegin = System.nanoTime();
        append(eventStore, transactions, orders, batch);
        double appendSeconds = (System.nanoTime() - appendBegin) / 1e9;
        long stored = new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("select count(*) from domain_event_entry", Long.class);
        System.out.printf("appended %d events in %.1f s (%.0f events/s); the store holds %d events%n",
                orders * 6L + 1, appendSeconds, (orders * 6L + 1) / appendSeconds, stored);

        ProjectionReplay replay = context.getBean(ProjectionReplay.class);
        ProjectionChecksums checksums = context.getBean(ProjectionChecksums.class);
        for (String projection : List.of("order-projection", "account-projection")) {
            long catchUp = System.nanoTime();
            while (replay.status(projection).progress() < 1.0) {
                Thread.sleep(100);
            }
            System.out.printf("%s: live processor caught up %.1f s after the append%n", projection,
                    (System.nanoTime() - catchUp) / 1e9);
        }
        for (String projection : List.of("order-projection", "account-projection")) {
            ProjectionChecksums.Checksum live = checksums.of(projection);
            long begin = System.nanoTime();
            replay.rebuild(projection);
            if (!replay.awaitRebuilt(projection, Duration.ofMinutes(30))) {
                throw new IllegalStateException(projection + " did not finish rebuilding within 30 minutes");
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            ProjectionChecksums.Checksum rebuilt = checksums.of(projection);
            double rate = stored / seconds;
            System.out.printf("%s: rebuilt %d documents from %d events in %.2f s = %.0f events/s (goal >= %.0f: %s); "
                            + "checksum live %s.. rebuilt %s.. %s%n", projection, rebuilt.documents(), stored, seconds, rate,
                    GOAL_EVENTS_PER_SECOND, rate >= GOAL_EVENTS_PER_SECOND ? "met" : "MISSED",
                    live.sha256().substring(0, 12), rebuilt.sha256().substring(0, 12),
                    live.equals(rebuilt) ? "EQUAL" : "DIFFERENT");
        }
    }

    /** Six events per order on two aggregates, appended in transactions of {@code batch} events. */
    private static void append(EventStore eventStore, TransactionManager transactions, int orders, int batch) {
        Map<String, Object> who = Map.of(AuditMetadata.ACTOR, "bench:replay", AuditMetadata.ACTOR_TYPE, "SYSTEM",
                AuditMetadata.ROLES, "", AuditMetadata.MFA, false);
        Instant start = Instant.now();
        List<EventMessage<?>> pending = new ArrayList<>();
        long accountSequence = 0;
        pending.add(new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), accountSequence++,
                new AccountCreatedEvent(ACCOUNT, "replay benchmark", "trader", "USD", new BigDecimal("1000000000"),
                        Set.of(), start), who));
        BigDecimal price = new BigDecimal("100.00");
        BigDecimal cash = new BigDecimal("1000000000");
        for (int i = 0; i < orders; i++) {
            OrderId orderId = OrderId.forClientOrder(ACCOUNT, "replay-" + i);
            String id = orderId.toString();
            Instant at = start.plusMillis(i);
            OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, BigDecimal.ONE, null, null,
                    TimeInForce.DAY, null);
            cash = cash.subtract(price);
            pending.add(new GenericDomainEventMessage<>("OrderAggregate", id, 0,
                    new OrderPlacedEvent(orderId, ACCOUNT, "replay-" + i, terms, at), who));
            pending.add(new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), accountSequence++,
                    new PreTradeRiskApprovedEvent(ACCOUNT, orderId, "AAPL", Side.BUY, BigDecimal.ONE, price, at), who));
            pending.add(new GenericDomainEventMessage<>("OrderAggregate", id, 1,
                    new OrderAcceptedEvent(orderId, ACCOUNT, "AAPL", terms, at), who));
            pending.add(new GenericDomainEventMessage<>("OrderAggregate", id, 2,
                    new OrderFilledEvent(orderId, ACCOUNT, "AAPL", Side.BUY, "1", price, BigDecimal.ONE, BigDecimal.ZERO,
                            BigDecimal.ONE, price, BigDecimal.ZERO, true, at), who));
            pending.add(new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), accountSequence++,
                    new FillAppliedEvent(ACCOUNT, orderId, "1", "AAPL", Side.BUY, price, BigDecimal.ONE, BigDecimal.ZERO,
                            BigDecimal.valueOf(i + 1L), price, BigDecimal.ZERO, cash, at), who));
            pending.add(new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), accountSequence++,
                    new ExposureReleasedEvent(ACCOUNT, orderId, BigDecimal.ZERO, at), who));
            if (pending.size() >= batch) {
                flush(eventStore, transactions, pending);
            }
        }
        flush(eventStore, transactions, pending);
    }

    private static void flush(EventStore eventStore, TransactionManager transactions, List<EventMessage<?>> pending) {
        if (!pending.isEmpty()) {
            List<EventMessage<?>> events = List.copyOf(pending);
            transactions.executeInTransaction(() -> eventStore.publish(events));
            pending.clear();
        }
    }
}
