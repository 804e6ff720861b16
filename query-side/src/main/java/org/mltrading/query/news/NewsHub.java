package org.mltrading.query.news;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Hands each newly stored item to the subscribers of its symbols, on the storing thread. Listeners must
 * not block (the GraphQL subscription buffers and sends on its own worker).
 */
@Component
public class NewsHub {

    private record Listener(Set<String> symbols, Consumer<NewsItem> consumer) {
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Set<String> symbols, Consumer<NewsItem> consumer) {
        Listener listener = new Listener(Set.copyOf(symbols), consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(NewsItem item) {
        for (Listener listener : listeners) {
            if (item.symbols().stream().anyMatch(listener.symbols()::contains)) {
                listener.consumer().accept(item);
            }
        }
    }
}
