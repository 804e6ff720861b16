package org.mltrading.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Rebuilds a MongoDB projection from the event history: its tracking processor is stopped, its token
 * reset (the projection's reset handler drops the read model) and started again; it then replays
 * every stored event. While rebuilding the read model is incomplete: reads see what is rebuilt so far.
 * A watcher records when the processor has caught up with the head it had to reach, which gives the
 * rebuild's events per second.
 */
@Service
public class ProjectionReplay implements DisposableBean {

    /** Projections that may be rebuilt, with their MongoDB collections. The audit chain is never replayed. */
    public static final Map<String, String> REBUILDABLE = Map.of(
            ProjectionGroups.ORDERS, "orders",
            ProjectionGroups.ACCOUNTS, "accounts");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-watcher");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, ObjectProvider<Clock> clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A rebuild in progress or done: where it had to get to, when it started and when it got there. */
    public record Rebuild(Instant startedAt, long startNanos, long targetPosition, Long finishedNanos) {
        Rebuild finished(long nanos) {
            return new Rebuild(startedAt, startNanos, targetPosition, nanos);
        }
    }

    /** What a processor is doing. Positions are global positions of the event store. */
    public record Status(String name, boolean running, boolean replaying, Long position, Long headPosition,
                         double progress, long eventsProcessed, Double eventsPerSecond, Instant rebuildStartedAt) {
    }

    public synchronized Status rebuild(String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        long target = headPosition();
        Rebuild rebuild = new Rebuild(clock.instant(), System.nanoTime(), target, null);
        rebuilds.put(name, rebuild);
        processor.start();
        watch(name, rebuild);
        return status(name);
    }

    public Status status(String name) {
        TrackingEventProcessor processor = processor(name);
        Long position = position(processor);
        long head = headPosition();
        Rebuild rebuild = rebuilds.get(name);
        long processed = position == null ? 0 : position + 1;
        Double rate = null;
        if (rebuild != null) {
            long end = rebuild.finishedNanos() != null ? rebuild.finishedNanos() : System.nanoTime();
            double seconds = Math.max(1e-3, (end - rebuild.startNanos()) / 1e9);
            if (rebuild.finishedNanos() != null) {
                processed = rebuild.targetPosition() + 1;
            }
            rate = processed / seconds;
        }
        // a rebuild's progress is measured against the head it had to reach: on a live system the head
        // keeps moving, and a finished rebuild would otherwise never show 1
        long goal = rebuild != null ? rebuild.targetPosition() : head;
        double progress = rebuild != null && rebuild.finishedNanos() != null ? 1.0
                : goal <= 0 ? 1.0 : Math.min(1.0, position == null ? 0.0 : (position + 1.0) / (goal + 1.0));
        return new Status(name, processor.isRunning(), processor.isReplaying(), position, head, progress, processed,
                rate, rebuild == null ? null : rebuild.startedAt());
    }

    /** Global index of the newest stored event (positions count from 0 or 1 by store; -1 when empty). */
    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static Long position(TrackingEventProcessor processor) {
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            OptionalLong current = segment.getCurrentPosition();
            if (current.isEmpty()) {
                return null;
            }
            lowest = Math.min(lowest, current.getAsLong());
        }
        return lowest == Long.MAX_VALUE ? null : lowest;
    }

    private void watch(String name, Rebuild rebuild) {
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = watcher.scheduleWithFixedDelay(() -> {
            TrackingEventProcessor processor = processor(name);
            Long position = position(processor);
            if (rebuilds.get(name) != rebuild) {
                task[0].cancel(false); // superseded by a newer rebuild
            } else if (!processor.isReplaying() && position != null && position >= rebuild.targetPosition()) {
                rebuilds.put(name, rebuild.finished(System.nanoTime()));
                task[0].cancel(false);
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
    }

    private TrackingEventProcessor processor(String name) {
        if (!REBUILDABLE.containsKey(name)) {
            throw new IllegalArgumentException("unknown projection " + name + "; rebuildable: "
                    + REBUILDABLE.keySet().stream().sorted().toList());
        }
        return processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("projection " + name + " has no tracking processor"));
    }

    /** For tests and benchmarks: waits until the last rebuild of {@code name} has caught up. */
    public boolean awaitRebuilt(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Rebuild rebuild = rebuilds.get(name);
            if (rebuild != null && rebuild.finishedNanos() != null) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
