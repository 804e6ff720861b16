package org.mltrading.ui.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveOrdersTest {

    static OrderRow order(String id, String clientOrderId, String status, String placedAt, String updatedAt) {
        return new OrderRow(id, clientOrderId, "demo-account", "AAPL", "BUY", "LIMIT", new BigDecimal("10"),
                new BigDecimal("187.25"), status, Instant.parse(placedAt), Instant.parse(updatedAt), BigDecimal.ZERO,
                null, "DAY");
    }

    private final LiveOrders live = new LiveOrders();

    @Test
    void an_update_replaces_the_order_with_the_same_id() {
        live.replaceAll(List.of(order("o1", "c1", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")));

        boolean applied = live.apply(order("o1", "c1", "FILLED", "2026-01-01T10:00:00Z", "2026-01-01T10:00:05Z"));

        assertThat(applied).isTrue();
        assertThat(live.rows()).extracting(OrderRow::status).containsExactly("FILLED");
    }

    @Test
    void a_new_order_is_listed_newest_first() {
        live.replaceAll(List.of(order("o1", "c1", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")));

        live.apply(order("o2", "c2", "PENDING", "2026-01-01T11:00:00Z", "2026-01-01T11:00:00Z"));

        assertThat(live.rows()).extracting(OrderRow::clientOrderId).containsExactly("c2", "c1");
    }

    @Test
    void an_update_older_than_the_shown_version_is_ignored() {
        live.replaceAll(List.of(order("o1", "c1", "FILLED", "2026-01-01T10:00:00Z", "2026-01-01T10:00:05Z")));

        boolean applied = live.apply(order("o1", "c1", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:01Z"));

        assertThat(applied).isFalse();
        assertThat(live.rows()).extracting(OrderRow::status).containsExactly("FILLED");
    }
}
