package org.mltrading.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.query.graphql.ApiException;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.BaseSubscriber;

/** Issue 16, durable subscriptions: the change log, resuming after a cursor, and what is refused. */
class DurableStreamTest {

    /** A change as a projection would announce it. */
    record Change(String account, String entity, long sequence, String text, long cursor) {
        Change withCursor(long newCursor) {
            return new Change(account, entity, sequence, text, newCursor);
        }
    }

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ChangeLog<Change> log;
    private final Sinks.Many<Change> live = Sinks.many().multicast().directBestEffort();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "durable-stream-test");
        log = new ChangeLog<>(mongo, "orders", Change.class, null, Duration.ofDays(7), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private Change record(String account, String entity, long sequence, String text) {
        return log.record(account, entity, sequence, cursor -> new Change(account, entity, sequence, text, cursor));
    }

    private Flux<Change> subscribe(String account, long after, int buffer) {
        return DurableStream.of(live.asFlux(), log, account, Change::account, Change::cursor, after, buffer);
    }

    @Test
    void cursors_grow_in_the_order_changes_are_recorded_and_a_key_reads_only_its_own_changes() {
        Change placed = record("acc-1", "o-1", 0, "placed");
        Change other = record("acc-2", "o-2", 0, "placed elsewhere");
        Change accepted = record("acc-1", "o-1", 1, "accepted");
        Change filled = record("acc-1", "o-1", 2, "filled");

        assertThat(List.of(placed.cursor(), other.cursor(), accepted.cursor(), filled.cursor())).isSorted()
                .doesNotHaveDuplicates();
        assertThat(log.after("acc-1", placed.cursor(), 10)).extracting(ChangeLog.Change::value)
                .containsExactly(accepted, filled);
        assertThat(log.after("acc-1", placed.cursor(), 1)).extracting(ChangeLog.Change::value).containsExactly(accepted);
        assertThat(log.head()).isEqualTo(filled.cursor());
        assertThat(log.cursorOf("o-1", 1)).isEqualTo(accepted.cursor());
    }

    @Test
    void a_new_log_over_a_stored_one_continues_above_its_cursors() {
        Change first = record("acc-1", "o-1", 0, "placed");
        ChangeLog<Change> restarted = new ChangeLog<>(mongo, "orders", Change.class, null, Duration.ofDays(7), clock);

        Change next = restarted.record("acc-1", "o-1", 1, cursor -> new Change("acc-1", "o-1", 1, "accepted", cursor));

        assertThat(next.cursor()).isGreaterThan(first.cursor());
    }

    /**
     * Inside a projection's batches the head is read once, not per batch; a log that another node
     * appended to meanwhile (a segment that moved away and back) collides on a cursor, fails that batch
     * and continues above the log on the retry — nothing is overwritten, no cursor is used twice.
     */
    @Test
    void a_log_that_grew_elsewhere_fails_the_colliding_batch_and_continues_above_it_on_the_retry() {
        ChangeLog<Change> here = new ChangeLog<>(mongo, "orders", Change.class, null, Duration.ofDays(7), clock);
        ChangeLog<Change> elsewhere = new ChangeLog<>(mongo, "orders", Change.class, null, Duration.ofDays(7), clock);
        long first = inBatch(() -> here.record("acc-1", "o-1", 0, c -> new Change("acc-1", "o-1", 0, "placed", c)).cursor());
        long grown = inBatch(() -> elsewhere.record("acc-1", "o-2", 0, c -> new Change("acc-1", "o-2", 0, "placed", c)).cursor());

        assertThatThrownBy(() -> inBatch(() ->
                here.record("acc-1", "o-1", 1, c -> new Change("acc-1", "o-1", 1, "accepted", c)).cursor()))
                .isInstanceOf(RuntimeException.class);
        long retried = inBatch(() -> here.record("acc-1", "o-1", 1, c -> new Change("acc-1", "o-1", 1, "accepted", c)).cursor());

        assertThat(grown).isGreaterThan(first);
        assertThat(retried).isGreaterThan(grown);
        assertThat(log.after("acc-1", 0, 10)).extracting(ChangeLog.Change::value).extracting(Change::text)
                .containsExactly("placed", "placed", "accepted");
    }

    private static long inBatch(java.util.concurrent.Callable<Long> work) {
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("batch"));
        var result = unitOfWork.executeWithResult(work);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return (Long) result.getPayload();
    }

    @Test
    void resuming_replays_every_change_after_the_cursor_then_goes_on_live_without_a_duplicate_at_the_seam() {
        Change placed = record("acc-1", "o-1", 0, "placed");
        Change accepted = record("acc-1", "o-1", 1, "accepted");
        record("acc-2", "o-9", 0, "another account");
        Change partly = record("acc-1", "o-1", 2, "half filled");

        Received received = new Received(Long.MAX_VALUE);
        subscribe("acc-1", placed.cursor(), 16).subscribe(received);
        awaitUntil(() -> received.changes.size() == 2);
        // announced live after it was logged, while (or after) the replay read it: once only
        live.tryEmitNext(partly);
        live.tryEmitNext(record("acc-2", "o-9", 1, "another account again"));
        Change filled = record("acc-1", "o-1", 3, "filled");
        live.tryEmitNext(filled);
        awaitUntil(() -> received.changes.size() >= 3);
        received.dispose();

        assertThat(received.changes).containsExactly(accepted, partly, filled);
        assertThat(received.error).isNull();
    }

    @Test
    void a_replay_longer_than_a_page_is_read_page_by_page_in_order() {
        Change start = record("acc-1", "o-0", 0, "start");
        for (int i = 1; i <= DurableStream.PAGE * 2 + 7; i++) {
            record("acc-1", "o-" + i, 0, "order " + i);
        }

        List<Change> replayed = subscribe("acc-1", start.cursor(), 16).take(DurableStream.PAGE * 2 + 7)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(replayed).hasSize(DurableStream.PAGE * 2 + 7);
        assertThat(replayed).extracting(Change::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(replayed.get(0).text()).isEqualTo("order 1");
    }

    @Test
    void without_a_cursor_only_live_changes_of_the_key_arrive() {
        record("acc-1", "o-1", 0, "before the subscription");

        Received received = new Received(Long.MAX_VALUE);
        subscribe("acc-1", -1, 16).subscribe(received);
        live.tryEmitNext(record("acc-2", "o-2", 0, "other"));
        Change accepted = record("acc-1", "o-1", 1, "accepted");
        live.tryEmitNext(accepted);
        awaitUntil(() -> !received.changes.isEmpty());
        received.dispose();

        assertThat(received.changes).containsExactly(accepted);
    }

    @Test
    void a_subscriber_that_does_not_read_is_failed_as_too_slow_instead_of_losing_changes() {
        Received received = new Received(0);
        subscribe("acc-1", -1, 4).subscribe(received);
        List<Change> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Change placed = record("acc-1", "o-" + i, 0, "placed");
            sent.add(placed);
            live.tryEmitNext(placed);
        }
        received.request(10);
        awaitUntil(() -> received.error != null);

        // what was buffered is delivered in order, then the stream fails: nothing skipped silently
        assertThat(received.changes).isEqualTo(sent.subList(0, 4));
        assertThat(received.error).isInstanceOf(SlowConsumerException.class);
        assertThat(received.error.getMessage()).contains("reconnect and resume with the last cursor");
    }

    @Test
    void malformed_foreign_and_future_cursors_are_invalid_and_pruned_ones_expired() {
        Change old = record("acc-1", "o-1", 0, "placed");
        record("acc-1", "o-1", 1, "accepted");

        assertThat(DurableStream.validate(log, null)).isEqualTo(-1);
        assertThat(DurableStream.validate(log, log.cursors().format(old.cursor()))).isEqualTo(old.cursor());
        for (String bad : List.of("", "orders:", "orders:-1", "orders:1x", "positions:1", "9", "orders:99999999999999999999")) {
            assertThatThrownBy(() -> DurableStream.validate(log, bad)).as(bad).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(Cursors.INVALID);
        }
        assertThatThrownBy(() -> DurableStream.validate(log, "orders:" + (log.head() + 1)))
                .extracting(e -> ((ApiException) e).code()).isEqualTo(Cursors.INVALID);

        now.set(T0.plus(Duration.ofDays(8)));
        Change recent = record("acc-1", "o-1", 2, "filled");
        log.prune();

        assertThat(log.after("acc-1", 0, 10)).extracting(ChangeLog.Change::value).containsExactly(recent);
        assertThatThrownBy(() -> DurableStream.validate(log, log.cursors().format(old.cursor())))
                .extracting(e -> ((ApiException) e).code()).isEqualTo(Cursors.EXPIRED);
        // the last pruned cursor itself is still a valid place to resume: nothing after it was removed
        assertThat(DurableStream.validate(log, log.cursors().format(log.prunedThrough()))).isEqualTo(log.prunedThrough());
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Collects what a subscription delivers; asks for {@code initial} changes at first. */
    private static final class Received extends BaseSubscriber<Change> {
        private final long initial;
        private final List<Change> changes = new CopyOnWriteArrayList<>();
        private volatile Throwable error;

        Received(long initial) {
            this.initial = initial;
        }

        @Override
        protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
            if (initial > 0) {
                subscription.request(initial);
            }
        }

        @Override
        protected void hookOnNext(Change change) {
            changes.add(change);
        }

        @Override
        protected void hookOnError(Throwable failure) {
            error = failure;
        }
    }
}
