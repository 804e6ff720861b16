package org.mltrading.query.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Event types as people name them: "OrderFilled" (the business fact) finds the stored
 * {@code OrderFilledEvent}; the stored name itself still works.
 */
final class EventTypeNames {

    private static final String SUFFIX = "Event";

    private EventTypeNames() {
    }

    /** Every stored type name the given names may mean, without duplicates, in the given order. */
    static List<String> storedNames(List<String> names) {
        Set<String> stored = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            stored.add(trimmed);
            if (!trimmed.endsWith(SUFFIX)) {
                stored.add(trimmed + SUFFIX);
            }
        }
        return List.copyOf(stored);
    }
}
