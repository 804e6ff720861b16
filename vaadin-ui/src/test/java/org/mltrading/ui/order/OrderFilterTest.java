package org.mltrading.ui.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mltrading.graphql.types.OrderStatus;

class OrderFilterTest {

    private static OrderRow inStatus(String status) {
        return LiveOrdersTest.order("o1", "c1", status, "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z");
    }

    /** Every status of the contract's OrderStatus enum: the "Open" filter and the row's actions agree. */
    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void the_open_filter_shows_exactly_the_rows_that_are_open_and_cancelled_by_cancel_all(OrderStatus status) {
        OrderRow row = inStatus(status.name());

        boolean shownAsOpen = new OrderFilter(OrderFilter.Group.OPEN, "").test(row);

        assertThat(row.open()).isEqualTo(shownAsOpen);
        assertThat(OrderFilter.cancellable(List.of(row))).hasSize(shownAsOpen ? 1 : 0);
    }

    @ParameterizedTest
    @CsvSource({
            "PENDING, true", "WORKING, true", "PARTIALLY_FILLED, true",
            "FILLED, false", "CANCELLED, false", "REJECTED, false", "EXPIRED, false"})
    void an_order_is_open_while_it_can_still_trade(String status, boolean open) {
        assertThat(inStatus(status).open()).isEqualTo(open);
    }
}
