package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: desk orders in a given state. */
final class Orders {

    private Orders() {
    }

    static DeskOrder order(String id, String status, String filled, String updatedAt) {
        return new DeskOrder(id, "c-" + id, "demo-account", "AAPL", "BUY", "LIMIT", new BigDecimal("10"),
                new BigDecimal("100.5"), null, "DAY", status, null, null, null, new BigDecimal(filled),
                "0".equals(filled) ? null : new BigDecimal("100.4"), List.of(), Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse(updatedAt));
    }

    static DeskOrder rejected(String id, String code, String reason) {
        return new DeskOrder(id, "c-" + id, "demo-account", "AAPL", "BUY", "MARKET", new BigDecimal("10"), null, null,
                "DAY", "REJECTED", code, reason, null, BigDecimal.ZERO, null, List.of(),
                Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:01Z"));
    }
}
