package org.mltrading.query.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Subscribers of a change stream indexed by key (account, symbol): one subscription to the source, and
 * each change is handed only to the listeners of its key — a change costs one map lookup, not one filter
 * per subscriber of every key (issue 16, fan-out). Listeners run on the announcing thread and must only
 * hand the change on (to a bounded buffer), never block.
 */
public final class KeyedFanOut<T> {

    private final Flux<T> source;
    private final Function<T, String> keyOf;
    private final Map<String, List<Consumer<T>>> listeners = new ConcurrentHashMap<>();
    private volatile Disposable subscription;

    public KeyedFanOut(Flux<T> source, Function<T, String> keyOf) {
        this.source = source;
        this.keyOf = keyOf;
    }

    /** Hands every later change of any of {@code keys} to {@code listener} until the answer is disposed. */
    public Disposable listen(Set<String> keys, Consumer<T> listener) {
        connect();
        for (String key : keys) {
            listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        }
        return () -> keys.forEach(key -> listeners.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        }));
    }

    /** Stops listening to the source (a fan-out made for one subscriber). */
    public void close() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        listeners.clear();
    }

    /** Listeners registered now (for tests and diagnostics). */
    int listeners() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }

    private void connect() {
        if (subscription == null) {
            synchronized (this) {
                if (subscription == null) {
                    subscription = source.subscribe(this::dispatch);
                }
            }
        }
    }

    private void dispatch(T change) {
        List<Consumer<T>> wanting = listeners.get(keyOf.apply(change));
        if (wanting != null) {
            wanting.forEach(listener -> listener.accept(change));
        }
    }
}
