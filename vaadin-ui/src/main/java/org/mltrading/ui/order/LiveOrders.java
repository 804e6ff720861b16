package org.mltrading.ui.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The orders an open view shows: a snapshot from the query, then updates from the subscription.
 * An update replaces the order with the same id (or adds a new one); newest placed first. Not
 * thread-safe: only touched under the Vaadin session lock.
 */
final class LiveOrders {

    static final Comparator<OrderRow> NEWEST_FIRST = Comparator.comparing(OrderRow::placedAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(OrderRow::id);

    private final List<OrderRow> rows = new ArrayList<>();

    /** The list the grid's data provider wraps; it is updated in place. */
    List<OrderRow> rows() {
        return rows;
    }

    void replaceAll(List<OrderRow> snapshot) {
        rows.clear();
        snapshot.forEach(this::apply);
    }

    /** @return true if the update was applied (an older version of an order never wins) */
    boolean apply(OrderRow update) {
        for (int i = 0; i < rows.size(); i++) {
            OrderRow current = rows.get(i);
            if (current.id().equals(update.id())) {
                if (isOlder(update, current)) {
                    return false;
                }
                rows.set(i, update);
                return true;
            }
        }
        rows.add(update);
        rows.sort(NEWEST_FIRST);
        return true;
    }

    private static boolean isOlder(OrderRow update, OrderRow current) {
        return update.updatedAt() != null && current.updatedAt() != null
                && update.updatedAt().isBefore(current.updatedAt());
    }
}
