package org.mltrading.ui.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mltrading.ui.trading.Orders.order;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderAmendmentTest {

    @Test
    void only_changed_fields_are_sent() {
        DeskOrder working = order("o1", "WORKING", "0", "2026-01-01T10:00:00Z");

        var amendment = OrderAmendment.between(working, new BigDecimal("10"), new BigDecimal("100.75"), null);

        assertThat(amendment.problem()).isEmpty();
        assertThat(amendment.changes()).containsOnly(java.util.Map.entry("limitPrice", "100.75"));
    }

    @Test
    void the_new_quantity_must_exceed_what_is_filled() {
        DeskOrder partly = order("o1", "PARTIALLY_FILLED", "4", "2026-01-01T10:00:00Z");

        var amendment = OrderAmendment.between(partly, new BigDecimal("4"), null, null);

        assertThat(amendment.problem()).isEqualTo("Quantity must exceed the 4 already filled.");
        assertThat(amendment.changes()).isEmpty();
    }
}
