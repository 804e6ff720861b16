package org.mltrading.ui.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "What did we know at time T": an order's or account's state rebuilt as of an instant, next to its
 * state now, field by field, with the fields that changed since marked.
 */
public final class AsOfComparison {

    public record Row(String field, String then, String now, boolean changed) {
    }

    private AsOfComparison() {
    }

    /**
     * Rows for every field of either state, in the order the fields were asked for. A null state
     * (unknown id, or the aggregate did not exist yet at that instant) shows as empty cells.
     */
    public static List<Row> of(Map<String, Object> then, Map<String, Object> now) {
        Set<String> fields = new LinkedHashSet<>();
        if (then != null) {
            fields.addAll(then.keySet());
        }
        if (now != null) {
            fields.addAll(now.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String field : fields) {
            String before = text(then == null ? null : then.get(field));
            String after = text(now == null ? null : now.get(field));
            rows.add(new Row(field, before, after, !Objects.equals(before, after)));
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
