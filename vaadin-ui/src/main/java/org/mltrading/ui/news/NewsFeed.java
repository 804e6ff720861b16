package org.mltrading.ui.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;

/**
 * The desk's news panel: the latest items concerning the watched instruments, newest first (by
 * publication time), each once (by id), at most {@code capacity}.
 */
public final class NewsFeed {

    /** An item as the panel shows it; {@code score} is the compound sentiment in [−1, 1]. */
    public record Item(String id, Instant publishedAt, String source, String kind, String headline, double score,
                       String label, List<String> symbols) {

        public Item {
            symbols = List.copyOf(symbols);
        }

        /** "+0.62" / "−0.41" / "0.00": the score as the badge shows it. */
        public String scoreText() {
            String text = String.format(Locale.ROOT, "%.2f", Math.abs(score));
            return score >= 0.005 ? "+" + text : score <= -0.005 ? "−" + text : text;
        }
    }

    private final int capacity;
    private final LinkedList<Item> items = new LinkedList<>();

    public NewsFeed(int capacity) {
        this.capacity = capacity;
    }

    /** Starts the panel from stored items (any order). */
    public void load(List<Item> stored) {
        items.clear();
        stored.forEach(this::add);
    }

    /** Adds an item; answers whether the panel changed. */
    public boolean add(Item item) {
        if (items.stream().anyMatch(existing -> existing.id().equals(item.id()))) {
            return false;
        }
        items.add(item);
        items.sort(Comparator.comparing(Item::publishedAt).reversed().thenComparing(Item::id));
        while (items.size() > capacity) {
            items.removeLast();
        }
        return items.contains(item);
    }

    /** Newest first. */
    public List<Item> items() {
        return new ArrayList<>(items);
    }
}
