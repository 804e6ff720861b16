package org.mltrading.query.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.mltrading.query.graphql.ApiException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * A subscription to one key (an account, a symbol) of a durable stream: with an {@code after} cursor it
 * first replays every logged change after it, then continues live — no gap and no duplicate at the
 * seam. Live changes are collected from the moment of subscribing, while the replay runs, and every
 * change is passed on only if its cursor is above the last one passed on.
 *
 * <p>Nothing is dropped to catch up: the changes waiting for a subscriber are held in a bounded
 * buffer; when it is full the stream fails with {@link SlowConsumerException} (the connection is then
 * closed with 1013). The projection that announces a change never waits for a subscriber.
 */
public final class DurableStream {

    /** Logged changes read per query while replaying. */
    static final int PAGE = 500;

    private DurableStream() {
    }

    /**
     * Checks {@code after} before anything is subscribed: VALIDATION_INVALID_CURSOR for malformed cursors
     * and cursors ahead of the stream, SUBSCRIPTION_CURSOR_EXPIRED for cursors older than the retention.
     *
     * @return the cursor's number, or -1 without a cursor (live only)
     */
    public static long validate(ChangeLog<?> log, String after) {
        if (after == null) {
            return -1;
        }
        long cursor = log.cursors().parse(after);
        long head = log.head();
        if (cursor > head) {
            throw new ApiException(Cursors.INVALID, "cursor " + after + " is ahead of the " + log.stream()
                    + " stream (its latest is " + log.cursors().format(head) + ")");
        }
        long pruned = log.prunedThrough();
        if (cursor < pruned) {
            throw new ApiException(Cursors.EXPIRED, "cursor " + after + " is older than what the " + log.stream()
                    + " stream retains (changes up to " + log.cursors().format(pruned) + " were removed); "
                    + "query the current state and subscribe without a cursor, or after the cursor of that result");
        }
        return cursor;
    }

    /**
     * @param live     every change announced live, of every key, each with its cursor
     * @param key      the key of the live changes to keep
     * @param keyOf    a live change's key
     * @param cursorOf a change's cursor
     * @param after    where to resume: -1 for live only, else replay the log after this cursor first
     * @param buffer   how many changes may wait for the subscriber before it is disconnected
     */
    public static <T> Flux<T> of(Flux<T> live, ChangeLog<T> log, String key, Function<T, String> keyOf,
                                 ToLongFunction<T> cursorOf, long after, int buffer) {
        return of(live, log, Set.of(key), keyOf, cursorOf, after, buffer);
    }

    /** As {@link #of(Flux, ChangeLog, String, Function, ToLongFunction, long, int)}, for several keys. */
    public static <T> Flux<T> of(Flux<T> live, ChangeLog<T> log, Set<String> keys, Function<T, String> keyOf,
                                 ToLongFunction<T> cursorOf, long after, int buffer) {
        return Flux.using(() -> new KeyedFanOut<>(live, keyOf), fanOut -> of(fanOut, log, keys, cursorOf, after, buffer),
                KeyedFanOut::close);
    }

    /**
     * As {@link #of(Flux, ChangeLog, Set, Function, ToLongFunction, long, int)}, with the live changes
     * taken from a fan-out indexed by key that all subscribers of the stream share.
     */
    public static <T> Flux<T> of(KeyedFanOut<T> live, ChangeLog<T> log, Set<String> keys,
                                 ToLongFunction<T> cursorOf, long after, int buffer) {
        return Flux.defer(() -> {
            Sinks.Many<T> waiting = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(buffer));
            Disposable subscription = live.listen(keys, change -> {
                if (waiting.tryEmitNext(change).isFailure()) {
                    waiting.tryEmitError(new SlowConsumerException(log.stream(), buffer));
                }
            });
            AtomicLong last = new AtomicLong(after);
            Flux<T> replay = after < 0 ? Flux.empty() : replay(log, keys, after);
            return Flux.concat(replay, waiting.asFlux())
                    .filter(change -> {
                        long cursor = cursorOf.applyAsLong(change);
                        if (cursor <= last.get()) {
                            return false; // replayed already (the seam) or announced twice
                        }
                        last.set(cursor);
                        return true;
                    })
                    .doFinally(signal -> subscription.dispose());
        });
    }

    private static <T> Flux<T> replay(ChangeLog<T> log, Set<String> keys, long after) {
        return Flux.<List<ChangeLog.Change<T>>>defer(() -> Flux.just(log.after(keys, after, PAGE)))
                .expand(page -> page.size() < PAGE ? Flux.empty()
                        : Flux.defer(() -> Flux.just(log.after(keys, page.get(page.size() - 1).cursor(), PAGE))))
                .concatMapIterable(page -> page.stream().map(ChangeLog.Change::value).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
