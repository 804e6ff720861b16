package org.mltrading.ui.order;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.mltrading.ui.trading.OrderStatuses;

/** The orders page's filters: a status group and the start of a symbol; blank symbol = any. */
public record OrderFilter(Group group, String symbol) implements Predicate<OrderRow> {

    /** Status groups as a trader thinks of them. */
    public enum Group {
        ALL("All", Set.of()),
        OPEN("Open", OrderStatuses.OPEN),
        FILLED("Filled", Set.of("FILLED", "PARTIALLY_FILLED")),
        CANCELLED("Cancelled or expired", Set.of("CANCELLED", "EXPIRED")),
        REJECTED("Rejected", Set.of("REJECTED"));

        private final String label;
        private final Set<String> statuses;

        Group(String label, Set<String> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        public String label() {
            return label;
        }
    }

    public static final OrderFilter NONE = new OrderFilter(Group.ALL, "");

    @Override
    public boolean test(OrderRow row) {
        boolean statusMatches = group == Group.ALL || group.statuses.contains(row.status());
        String wanted = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        return statusMatches && (wanted.isEmpty() || (row.symbol() != null && row.symbol().startsWith(wanted)));
    }

    /** The open orders among these rows: what "Cancel all open" cancels. */
    public static List<OrderRow> cancellable(List<OrderRow> rows) {
        return rows.stream().filter(OrderRow::open).toList();
    }
}
