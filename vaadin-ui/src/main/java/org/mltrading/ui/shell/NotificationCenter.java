package org.mltrading.ui.shell;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bell's notifications of the browser session: fills, rejections and alerts, newest first, at
 * most {@link #CAPACITY}; counts what has not been seen since the bell was last opened. Views post,
 * the shell of every open tab shows. Session scope (was UI scope) so a reload keeps the history:
 * the bell said "Nothing yet" after fills once the page was reloaded. Two tabs with a desk each see
 * the same fill: posts with the same key are kept once. Not thread-safe: used under the Vaadin
 * session lock, which all tabs of a session share.
 */
@SpringComponent
@VaadinSessionScope
public class NotificationCenter {

    static final int CAPACITY = 50;

    /** How a notification is shown (toast colour, bell icon). */
    public enum Level { SUCCESS, ERROR, WARNING, INFO }

    public record Entry(Instant time, Level level, String message, String key) {
        public Entry(Instant time, Level level, String message) {
            this(time, level, message, null);
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private final Clock clock;
    private int unseen;

    public NotificationCenter() {
        this(Clock.systemUTC());
    }

    NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    public void post(Level level, String message) {
        post(level, message, null);
    }

    /**
     * Posts unless an entry with the same {@code key} is already kept (e.g. "o1 FILLED 7" from two
     * tabs' desks); a null key never de-duplicates.
     */
    public void post(Level level, String message, String key) {
        if (key != null && entries.stream().anyMatch(kept -> key.equals(kept.key()))) {
            return;
        }
        Entry entry = new Entry(clock.instant(), level, message, key);
        entries.addFirst(entry);
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
        unseen = Math.min(unseen + 1, CAPACITY);
        List.copyOf(listeners).forEach(listener -> listener.accept(entry));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int unseen() {
        return unseen;
    }

    public void markAllSeen() {
        unseen = 0;
    }

    /** Called with every posted entry; returns a handle that removes the listener. */
    public Runnable onPost(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
