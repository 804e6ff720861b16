package org.mltrading.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.query.projection.BatchedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The hash chain as plain objects: an in-memory event store, the chain projection fed with what the
 * store delivers, MongoDB as an in-memory wire server, and the verifier. Covers what an attacker who
 * can write MongoDB (but not read the signing key) could try; editing a stored event row is covered
 * against the real H2 store by AuditChainTamperIT in ops.
 */
class AuditChainTest {

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

    @TempDir
    Path keys;

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private EmbeddedEventStore store;
    private InMemoryEventStorageEngine engine;
    private JacksonSerializer serializer;
    private CheckpointSigner signer;
    private AuditChainVerifier verifier;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "audit-chain-test");
        engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        signer = CheckpointSigner.loadOrCreate(keys.resolve("audit/checkpoint-signing-key"));
        verifier = new AuditChainVerifier(mongo, new EventHistory(store, engine, serializer), signer);
    }

    @AfterEach
    void stop() {
        store.shutDown();
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_chain_of_every_stored_event_verifies() {
        appendOrders(3);
        chainEverything(every(2));

        AuditChainVerifier.Result result = verifier.verify();

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.entries()).isEqualTo(6);
        assertThat(result.checkpoints()).isEqualTo(3); // entries 1 (first after start), 3, 5
        assertThat(result.pendingEvents()).isZero();
        assertThat(result.headHash()).isEqualTo(entry(6).hash());
        assertThat(entry(1).previousHash()).isEqualTo(AuditHashes.GENESIS);
        assertThat(entry(2).previousHash()).isEqualTo(entry(1).hash());
        assertThat(entry(1).actor()).isEqualTo("demo-integrator");
        assertThat(entry(1).accountId()).isEqualTo("demo-account");
    }

    @Test
    void events_stored_after_the_chains_head_are_pending_not_broken() {
        appendOrders(1);
        chainEverything(every(100));
        appendOrders(1);

        AuditChainVerifier.Result result = verifier.verify();

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(2);
        assertThat(result.pendingEvents()).isEqualTo(2);
    }

    @Test
    void a_redelivered_event_is_chained_once() {
        appendOrders(1);
        AuditChainProjection projection = every(100);
        chainEverything(projection);
        chainEverything(projection);

        assertThat(mongo.count(new Query(), AuditChainEntry.class)).isEqualTo(2);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void a_processor_batch_is_written_once_at_its_last_event_and_verifies() {
        appendOrders(3);
        AuditChainProjection projection = every(2);
        List<Long> storedAtEachEvent = new ArrayList<>();

        chainInOneBatch(projection, storedEvents(), () -> storedAtEachEvent.add(mongo.count(new Query(), AuditChainEntry.class)));

        // nothing while the handlers run; all six once the last event has been handled
        assertThat(storedAtEachEvent).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(mongo.count(new Query(), AuditChainEntry.class)).isEqualTo(6);
        AuditChainVerifier.Result result = verifier.verify();
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.entries()).isEqualTo(6);
        assertThat(entry(2).previousHash()).isEqualTo(entry(1).hash());
    }

    @Test
    void a_failed_batch_stores_nothing_and_its_redelivery_chains_each_event_once() {
        appendOrders(2);
        AuditChainProjection projection = every(100);
        List<TrackedEventMessage<?>> events = storedEvents();
        int[] handled = {0};

        assertThatThrownBy(() -> chainInOneBatch(projection, events, () -> {
            if (++handled[0] == 3) {
                throw new IllegalStateException("injected: the batch fails at its third event");
            }
        })).hasMessageContaining("injected");
        assertThat(mongo.count(new Query(), AuditChainEntry.class)).isZero();

        chainInOneBatch(projection, events, () -> { });
        assertThat(mongo.count(new Query(), AuditChainEntry.class)).isEqualTo(4);
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void after_a_restart_events_chained_before_the_token_was_stored_are_not_chained_again() {
        appendOrders(2);
        chainInOneBatch(every(100), storedEvents(), () -> { });
        appendOrders(1);

        // a new process: its token lags the entries, so the whole history comes again, with the new events
        chainInOneBatch(every(100), storedEvents(), () -> { });

        assertThat(mongo.count(new Query(), AuditChainEntry.class)).isEqualTo(6);
        AuditChainVerifier.Result result = verifier.verify();
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.pendingEvents()).isZero();
    }

    @Test
    void an_entry_whose_recorded_hash_was_rewritten_breaks_the_chain_there() {
        appendOrders(2);
        chainEverything(every(100));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(3L)), Update.update("hash", "ab".repeat(32)),
                AuditChainEntry.class);

        AuditChainVerifier.Result result = verifier.verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
        assertThat(result.firstBrokenEventId()).isEqualTo(entry(3).eventId());
    }

    @Test
    void a_store_rewritten_together_with_a_recomputed_chain_is_caught_by_the_signed_checkpoints() {
        appendOrders(store, 2, false);
        chainEverything(every(1));
        // the attacker edits an event in the store and recomputes the whole chain from the edited store,
        // but cannot sign: the checkpoints signed with the platform's key stay as they were
        InMemoryEventStorageEngine forgedEngine = new InMemoryEventStorageEngine();
        EmbeddedEventStore forgedStore = EmbeddedEventStore.builder().storageEngine(forgedEngine).build();
        try {
            orders = 0;
            appendOrders(forgedStore, 2, true);
            List<AuditCheckpoint> signed = mongo.findAll(AuditCheckpoint.class);
            mongo.dropCollection(AuditChainEntry.class);
            CheckpointSigner attackersKey = CheckpointSigner.loadOrCreate(keys.resolve("attacker-key"));
            AuditChainProjection recomputing = new AuditChainProjection(mongo, serializer, attackersKey,
                    Clock.fixed(T0, ZoneOffset.UTC), 1_000_000, Duration.ofDays(1));
            try (Stream<? extends TrackedEventMessage<?>> events = forgedEngine.readEvents(null, false)) {
                events.forEach(event -> recomputing.on(event.getPayload(), event));
            }
            signed.forEach(mongo::save);
            AuditChainVerifier forgedVerifier = new AuditChainVerifier(mongo,
                    new EventHistory(forgedStore, forgedEngine, serializer), signer);

            AuditChainVerifier.Result result = forgedVerifier.verify();

            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenSequence()).isEqualTo(3); // the forged event: order 2's placement
            assertThat(result.reason()).contains("signed checkpoint");
        } finally {
            forgedStore.shutDown();
        }
    }

    @Test
    void a_checkpoint_without_a_valid_signature_is_refused() {
        appendOrders(1);
        chainEverything(every(100));
        AuditCheckpoint genuine = mongo.findById(1L, AuditCheckpoint.class);
        mongo.save(new AuditCheckpoint(genuine.chainSequence(), "ef".repeat(32), genuine.signedAt(), genuine.keyId(),
                genuine.signature()));

        AuditChainVerifier.Result result = verifier.verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("signature");
    }

    @Test
    void a_removed_entry_and_a_truncated_chain_are_both_detected() {
        appendOrders(2);
        chainEverything(every(1));
        mongo.remove(Query.query(Criteria.where("_id").is(2L)), AuditChainEntry.class);

        AuditChainVerifier.Result hole = verifier.verify();

        assertThat(hole.valid()).isFalse();
        assertThat(hole.firstBrokenSequence()).isEqualTo(2);

        mongo.remove(Query.query(Criteria.where("_id").gte(2L)), AuditChainEntry.class);
        AuditChainVerifier.Result truncated = verifier.verify();

        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.reason()).contains("beyond the chain's end");
    }

    @Test
    void the_signing_key_survives_a_restart() {
        AuditCheckpoint signed = signer.sign(7, "01".repeat(32), T0);

        CheckpointSigner reloaded = CheckpointSigner.loadOrCreate(keys.resolve("audit/checkpoint-signing-key"));

        assertThat(reloaded.keyId()).isEqualTo(signer.keyId());
        assertThat(reloaded.verifies(signed)).isTrue();
        assertThat(CheckpointSigner.loadOrCreate(keys.resolve("other-key")).verifies(signed)).isFalse();
    }

    private AuditChainProjection every(long entries) {
        return new AuditChainProjection(mongo, serializer, signer, Clock.fixed(T0, ZoneOffset.UTC), entries,
                Duration.ofDays(1));
    }

    /** Delivers every stored event to the projection, as a tracking processor would. */
    private void chainEverything(AuditChainProjection projection) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> projection.on(event.getPayload(), event));
        }
    }

    private List<TrackedEventMessage<?>> storedEvents() {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.collect(java.util.stream.Collectors.toList());
        }
    }

    /**
     * Delivers the events as one batch of a tracking processor does: one batching unit of work, each
     * event through the end-of-event interceptor the processing group has; {@code afterEach} runs after
     * each event's handler (it may throw, failing the batch).
     */
    private void chainInOneBatch(AuditChainProjection projection, List<TrackedEventMessage<?>> events, Runnable afterEach) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        var interceptor = BatchedDocuments.endOfEventInterceptor();
        ResultMessage<?> result = batch.executeWithResult(() -> interceptor.handle(batch, () -> {
            projection.on(batch.getMessage().getPayload(), batch.getMessage());
            afterEach.run();
            return null;
        }));
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
    }

    private AuditChainEntry entry(long sequence) {
        return mongo.findById(sequence, AuditChainEntry.class);
    }

    private int orders;

    private void appendOrders(int count) {
        appendOrders(store, count, false);
    }

    /**
     * Places and accepts {@code count} orders: two events each, with ids and times that depend only on
     * the order's number. {@code forgeSecond}: the second order's placement says 1,000 instead of 1.
     */
    private void appendOrders(EmbeddedEventStore target, int count, boolean forgeSecond) {
        Map<String, Object> who = Map.of(AuditMetadata.ACTOR, "demo-integrator", AuditMetadata.ACTOR_TYPE, "CLIENT",
                AuditMetadata.ROLES, "INTEGRATOR", AuditMetadata.MFA, false, AuditMetadata.CORRELATION_ID, "c-" + orders);
        for (int i = 0; i < count; i++, orders++) {
            OrderId id = OrderId.forClientOrder(ACCOUNT, "chain-" + orders);
            BigDecimal quantity = forgeSecond && orders == 1 ? new BigDecimal("1000") : BigDecimal.ONE;
            OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, quantity, new BigDecimal("1.00"),
                    null, TimeInForce.GTC, null);
            Instant at = T0.plusSeconds(orders);
            target.publish(List.of(
                    new GenericDomainEventMessage<>("OrderAggregate", id.toString(), 0,
                            new OrderPlacedEvent(id, ACCOUNT, "chain-" + orders, terms, at), who, "placed-" + orders, at),
                    new GenericDomainEventMessage<>("OrderAggregate", id.toString(), 1,
                            new OrderAcceptedEvent(id, ACCOUNT, "AAPL", terms, at), who, "accepted-" + orders, at)));
        }
    }
}
