package org.mltrading.query.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB projections' token store, writing each processor's token at most once per
 * {@code interval}: a tracking processor stores its token after every batch, also after batches it
 * only skipped (an order's events pass six projections that ignore them), and every write is a
 * durable commit of the embedded MongoDB. A token held back is written by the next store after the
 * interval, by a timer, or before the claim is released.
 *
 * <p>Safe because the stored token is never ahead of the documents (it is only ever older): after a
 * crash the processor replays at most one interval of events into projections that are idempotent
 * (each document keeps the last sequence it applied). Not for sagas or other handlers with effects
 * outside their documents.
 */
final class CoalescingTokenStore implements TokenStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescingTokenStore.class);

    private record Key(String processor, int segment) {
    }

    private final TokenStore delegate;
    private final long intervalNanos;
    private final Map<Key, TrackingToken> pending = new HashMap<>();
    private final Map<Key, Long> lastWritten = new HashMap<>();
    private final ScheduledExecutorService timer;

    CoalescingTokenStore(TokenStore delegate, Duration interval) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-token-writer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flushDue, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void storeToken(TrackingToken token, String processorName, int segment) {
        Key key = new Key(processorName, segment);
        long now = System.nanoTime();
        Long last = lastWritten.get(key);
        if (last != null && now - last < intervalNanos) {
            pending.put(key, token);
            return;
        }
        pending.remove(key);
        delegate.storeToken(token, processorName, segment);
        lastWritten.put(key, now);
    }

    @Override
    public synchronized TrackingToken fetchToken(String processorName, int segment) {
        flush(new Key(processorName, segment));
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public synchronized TrackingToken fetchToken(String processorName, Segment segment) {
        flush(new Key(processorName, segment.getSegmentId()));
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public synchronized void releaseClaim(String processorName, int segment) {
        flush(new Key(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public synchronized void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        if (!flush(new Key(processorName, segment))) {
            delegate.extendClaim(processorName, segment);
        }
    }

    @Override
    public synchronized void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public synchronized void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public synchronized void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public synchronized void deleteToken(String processorName, int segment) {
        pending.remove(new Key(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public synchronized int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public synchronized List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    /** Writes the held-back token of {@code key}; answers whether there was one. */
    private boolean flush(Key key) {
        TrackingToken token = pending.remove(key);
        if (token == null) {
            return false;
        }
        delegate.storeToken(token, key.processor(), key.segment());
        lastWritten.put(key, System.nanoTime());
        return true;
    }

    private synchronized void flushDue() {
        for (Key key : List.copyOf(pending.keySet())) {
            try {
                flush(key);
            } catch (RuntimeException e) {
                // the claim moved (another node) or the store is away: the processor's next store retries
                log.debug("held-back token of {} not written: {}", key, e.toString());
                pending.remove(key);
            }
        }
    }

    /** Writes every held-back token (shutdown). */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        flushDue();
    }
}
