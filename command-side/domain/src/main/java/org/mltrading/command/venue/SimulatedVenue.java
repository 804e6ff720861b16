package org.mltrading.command.venue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.command.entry.FollowUpCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The paper-trading venue: a thin Axon/Spring shell around {@link VenueBook}.
 *
 * <p><b>Rebuilt on every start.</b> Its processing group {@value #PROCESSING_GROUP} is a tracking
 * processor whose token lives in memory and starts as a replay token up to the head of the event
 * store: every start replays all order events into the book; events before the head arrive as
 * {@link ReplayStatus#REPLAY} and only build the book. The venue matches nothing until it is live:
 * when a live (non-replayed) event arrives or the processor reports it has caught up. Going live
 * matches the whole rebuilt book once; fill ids are deterministic, so a fill decided twice is recorded once.
 *
 * <p><b>Threads.</b> The book is confined to one scheduled thread: event handlers, quotes, the
 * arrival of an order after {@code platform.venue.latency-ms} and the once-a-second expiry check are
 * tasks on it. Quotes are conflated per symbol (the feed's listener only stores the latest and never
 * blocks). Commands are sent asynchronously, in order per order; transient failures are retried with
 * backoff ({@link FollowUpCommands}); a failure that remains makes the order matchable again, so the
 * next quote decides its fill anew (fill ids are deterministic: never booked twice).
 */
@Component
@ProcessingGroup(SimulatedVenue.PROCESSING_GROUP)
@ConditionalOnProperty(prefix = "platform.venue", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedVenue {

    public static final String PROCESSING_GROUP = "venue";
    /** Actor (audit metadata) of every command the venue sends. */
    public static final String VENUE_ACTOR = "system:simulated-venue";

    private static final Logger log = LoggerFactory.getLogger(SimulatedVenue.class);

    /** Fills, cancels and expiries are retried on transient failures before the order is re-matched. */
    private final FollowUpCommands followUps;
    private final MarketDataPort marketData;
    private final Clock clock;
    private final VenueSettings settings;
    private final BooleanSupplier caughtUp;
    private final VenueBook book;
    private final ScheduledExecutorService executor;
    private final Map<String, AutoCloseable> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Quote> pendingQuotes = new ConcurrentHashMap<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean live;
    /**
     * Why the venue acts on an order: the placing request's correlation id and the acceptance event's
     * id, put on the venue's commands so fills and cancels join the order's causation chain.
     */
    private final Map<OrderId, Cause> causes = new ConcurrentHashMap<>();

    private record Cause(String correlationId, String acceptanceEventId) {
    }

    @Autowired
    public SimulatedVenue(CommandGateway commandGateway, MarketDataPort marketData, Clock clock,
                          ObjectProvider<EventProcessingConfiguration> eventProcessing,
                          @Value("${platform.venue.slippage-bps:1}") BigDecimal slippageBps,
                          @Value("${platform.venue.fee-bps:0.5}") BigDecimal feeBps,
                          @Value("${platform.venue.liquidity-per-quote:${platform.venue.max-fill-quantity-per-quote:1000000000}}")
                          BigDecimal liquidityPerQuote,
                          @Value("${platform.venue.latency-ms:0}") long latencyMs) {
        this(commandGateway, marketData, clock,
                new VenueSettings(slippageBps, feeBps, liquidityPerQuote, Duration.ofMillis(latencyMs)),
                () -> processorCaughtUp(eventProcessing.getIfAvailable()), null);
    }

    /** Tests send from the venue's own thread ({@code Runnable::run}), so a command is sent when a task ends. */
    SimulatedVenue(CommandGateway commandGateway, MarketDataPort marketData, Clock clock, VenueSettings settings,
                   BooleanSupplier caughtUp) {
        this(commandGateway, marketData, clock, settings, caughtUp, Runnable::run);
    }

    private SimulatedVenue(CommandGateway commandGateway, MarketDataPort marketData, Clock clock, VenueSettings settings,
                           BooleanSupplier caughtUp, java.util.concurrent.Executor senders) {
        this.followUps = new FollowUpCommands(commandGateway, Duration.ofMillis(50), 6, senders);
        this.marketData = marketData;
        this.clock = clock;
        this.settings = settings;
        this.caughtUp = caughtUp;
        this.book = new VenueBook(settings);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-venue");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Tracking processor, in-memory token, replay from the beginning up to the head at start: the book
     * is a pure function of the event store, so there is nothing to persist and nothing to migrate.
     */
    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.registerTokenStore(PROCESSING_GROUP, axon -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(PROCESSING_GROUP,
                        axon -> axon.eventStore(),
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(source -> ReplayToken.createReplayToken(source.createHeadToken())));
    }

    @PostConstruct
    void start() {
        executor.scheduleWithFixedDelay(() -> guarded("timer", this::tick), 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        followUps.close();
        subscriptions.values().forEach(handle -> {
            try {
                handle.close();
            } catch (Exception e) {
                log.debug("closing a quote subscription failed", e);
            }
        });
        subscriptions.clear();
    }

    // ---- order events (each a task on the venue thread, in the order they were handled) ----

    @EventHandler
    void on(OrderAcceptedEvent event, ReplayStatus status,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId, @MessageIdentifier String eventId) {
        causes.put(event.orderId(), new Cause(correlationId, eventId));
        submit(status, () -> {
            String symbol = book.accepted(event);
            subscribe(symbol);
            if (live) {
                Runnable arrival = () -> send(book.arrive(event.orderId(), marketData.latestQuote(symbol),
                        clock.instant()));
                if (settings.latency().isZero()) {
                    arrival.run();
                } else {
                    executor.schedule(() -> guarded("arrival", arrival), settings.latency().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    @EventHandler
    void on(OrderFilledEvent event, ReplayStatus status) {
        if (event.complete()) {
            causes.remove(event.orderId());
        }
        submit(status, () -> book.filled(event));
    }

    @EventHandler
    void on(OrderAmendedEvent event, ReplayStatus status) {
        submit(status, () -> book.amended(event));
    }

    @EventHandler
    void on(OrderCancelledEvent event, ReplayStatus status) {
        causes.remove(event.orderId());
        submit(status, () -> book.ended(event.orderId()));
    }

    @EventHandler
    void on(OrderExpiredEvent event, ReplayStatus status) {
        causes.remove(event.orderId());
        submit(status, () -> book.ended(event.orderId()));
    }

    @EventHandler
    void on(OrderRejectedEvent event, ReplayStatus status) {
        causes.remove(event.orderId());
        submit(status, () -> book.ended(event.orderId()));
    }

    private void submit(ReplayStatus status, Runnable task) {
        executor.execute(() -> guarded("event", () -> {
            // the first live event: the book holds everything before it, match that first
            if (!live && status == ReplayStatus.REGULAR) {
                goLive();
            }
            task.run();
        }));
    }

    // ---- quotes ----

    private void subscribe(String symbol) {
        subscriptions.computeIfAbsent(symbol, s -> marketData.subscribeQuotes(Set.of(s), this::quoteArrived));
    }

    /** Called on the feed's thread: remember the latest quote and make sure one drain is scheduled. */
    private void quoteArrived(Quote quote) {
        pendingQuotes.put(quote.symbol(), quote);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                executor.execute(() -> guarded("quotes", this::drainQuotes));
            } catch (RuntimeException rejectedAfterShutdown) {
                drainScheduled.set(false);
            }
        }
    }

    private void drainQuotes() {
        drainScheduled.set(false);
        for (String symbol : List.copyOf(pendingQuotes.keySet())) {
            Quote quote = pendingQuotes.remove(symbol);
            if (quote != null && live) {
                send(book.onQuote(quote, clock.instant()));
            }
        }
    }

    // ---- live / timer ----

    private void tick() {
        if (!live && caughtUp.getAsBoolean()) {
            goLive();
        }
        if (live) {
            send(book.onTimer(clock.instant()));
        }
    }

    private void goLive() {
        live = true;
        log.info("simulated venue live with {} working orders", book.size());
        send(book.goLive(marketData::latestQuote, clock.instant()));
    }

    static boolean processorCaughtUp(EventProcessingConfiguration eventProcessing) {
        if (eventProcessing == null) {
            return false;
        }
        Optional<StreamingEventProcessor> processor =
                eventProcessing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class);
        return processor.map(p -> {
            Map<Integer, EventTrackerStatus> status = p.processingStatus();
            return p.isRunning() && !status.isEmpty()
                    && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }).orElse(false);
    }

    // ---- commands ----

    /**
     * Sends each order's commands one after the other (a fill before the cancel of its remainder);
     * different orders do not wait for, or fail with, each other.
     */
    private void send(List<Object> commands) {
        Map<OrderId, CompletableFuture<Object>> chains = new java.util.HashMap<>();
        for (Object command : commands) {
            CompletableFuture<Object> previous = chains.getOrDefault(orderIdOf(command), CompletableFuture.completedFuture(null));
            chains.put(orderIdOf(command), previous.thenCompose(done -> dispatch(command)));
        }
    }

    private CompletableFuture<Object> dispatch(Object command) {
        CompletableFuture<Object> result;
        try {
            result = followUps.send(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(whoAndWhy(orderIdOf(command))));
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((ignored, failure) -> {
            if (failure != null) {
                OrderId orderId = orderIdOf(command);
                log.warn("venue: {} for order {} failed: {}", command.getClass().getSimpleName(), orderId,
                        failure.getMessage());
                if (orderId != null) {
                    executor.execute(() -> book.commandFailed(orderId));
                }
            }
        });
    }

    /** The venue is the actor of its commands; the order's placing request is their correlation. */
    private MetaData whoAndWhy(OrderId orderId) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of(AuditMetadata.ACTOR, VENUE_ACTOR,
                AuditMetadata.ACTOR_TYPE, "SYSTEM", AuditMetadata.ROLES, "", AuditMetadata.MFA, false));
        Cause cause = orderId == null ? null : causes.get(orderId);
        if (cause != null && cause.correlationId() != null) {
            values.put(AuditMetadata.CORRELATION_ID, cause.correlationId());
            values.put(AuditMetadata.CAUSATION_ID, cause.acceptanceEventId());
        }
        return MetaData.from(values);
    }

    private static OrderId orderIdOf(Object command) {
        if (command instanceof RecordFillCommand fill) {
            return fill.orderId();
        }
        if (command instanceof CancelOrderCommand cancel) {
            return cancel.orderId();
        }
        if (command instanceof ExpireOrderCommand expire) {
            return expire.orderId();
        }
        return null;
    }

    private void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("venue {} task failed", what, e);
        }
    }

    // ---- for tests: wait until every task queued so far has run ----

    void awaitIdle() {
        try {
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isLive() {
        return live;
    }

    VenueBook book() {
        return book;
    }
}
