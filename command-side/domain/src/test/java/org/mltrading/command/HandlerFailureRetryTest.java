package org.mltrading.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * What {@link CommandSideConfiguration#propagateHandlerFailures} promises every processor: a handler
 * whose write fails (a store briefly away) is retried until it succeeds, and no event is skipped —
 * the events after the failing one wait for it.
 */
class HandlerFailureRetryTest {

    @Test
    void a_projection_write_that_fails_twice_is_retried_and_no_event_is_lost() throws Exception {
        FlakyProjection projection = new FlakyProjection(2);
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> {
                    processing.registerTrackingEventProcessor("flaky", c -> c.eventStore(),
                                    c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                            .registerEventHandler(c -> projection)
                            .assignHandlerInstancesMatching("flaky", projection::equals);
                    new CommandSideConfiguration().propagateHandlerFailures(processing);
                })
                .buildConfiguration();
        axon.start();
        try {
            axon.eventBus().publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage("first"),
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage("second"),
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage("third"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (projection.written.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            axon.shutdown();
        }

        assertThat(projection.attempts.get()).isGreaterThanOrEqualTo(3);
        assertThat(projection.written).containsExactly("first", "second", "third");
    }

    /** Fails its first writes of "second", as a MongoDB write would while the server is away. */
    static final class FlakyProjection {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger failuresLeft;

        FlakyProjection(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @EventHandler
        void on(String event) {
            if (event.equals("second")) {
                attempts.incrementAndGet();
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("store unavailable (injected)");
                }
            }
            if (!written.contains(event)) {
                written.add(event);
            }
        }
    }
}
