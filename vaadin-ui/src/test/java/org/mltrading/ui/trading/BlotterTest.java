package org.mltrading.ui.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mltrading.ui.trading.Orders.order;
import static org.mltrading.ui.trading.Orders.rejected;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlotterTest {

    @Test
    void working_and_done_orders_are_split_by_status() {
        Blotter blotter = new Blotter();
        blotter.replaceAll(List.of(order("w", "WORKING", "0", "2026-01-01T10:00:00Z"),
                order("p", "PARTIALLY_FILLED", "4", "2026-01-01T10:00:00Z"),
                order("f", "FILLED", "10", "2026-01-01T10:00:00Z"), rejected("r", "RISK_HALTED", "halted")));

        assertThat(blotter.working()).extracting(DeskOrder::id).containsExactlyInAnyOrder("w", "p");
        assertThat(blotter.done()).extracting(DeskOrder::id).containsExactlyInAnyOrder("f", "r");
        assertThat(blotter.find("w").orElseThrow().cancellable()).isTrue();
        assertThat(blotter.find("f").orElseThrow().amendable()).isFalse();
    }

    @Test
    void a_fill_and_a_rejection_become_notifications_once() {
        Blotter blotter = new Blotter();
        blotter.apply(order("o1", "WORKING", "0", "2026-01-01T10:00:00Z"));

        var filled = blotter.apply(order("o1", "FILLED", "10", "2026-01-01T10:00:02Z"));
        var again = blotter.apply(order("o1", "FILLED", "10", "2026-01-01T10:00:02Z"));
        var rejection = blotter.apply(rejected("o2", "RISK_MAX_ORDER_NOTIONAL", "notional 2,000,000 > 1,000,000"));

        assertThat(filled.event()).map(Blotter.DeskEvent::kind).contains(Blotter.DeskEvent.Kind.FILLED);
        assertThat(filled.event().orElseThrow().message()).isEqualTo("Filled: BUY 10 AAPL @ 100.4");
        assertThat(again.shown()).isTrue();
        assertThat(again.event()).isEmpty();
        assertThat(rejection.event().orElseThrow().message())
                .isEqualTo("Rejected: BUY 10 AAPL — Order value over the account's limit: notional 2,000,000 > 1,000,000");
    }

    @Test
    void a_partial_fill_is_told_each_time_more_is_filled() {
        Blotter blotter = new Blotter();
        blotter.apply(order("o1", "WORKING", "0", "2026-01-01T10:00:00Z"));

        var first = blotter.apply(order("o1", "PARTIALLY_FILLED", "4", "2026-01-01T10:00:01Z"));
        var amendedOnly = blotter.apply(order("o1", "PARTIALLY_FILLED", "4", "2026-01-01T10:00:02Z"));
        var second = blotter.apply(order("o1", "PARTIALLY_FILLED", "6", "2026-01-01T10:00:03Z"));

        assertThat(first.event()).map(Blotter.DeskEvent::kind).contains(Blotter.DeskEvent.Kind.PARTIALLY_FILLED);
        assertThat(amendedOnly.event()).isEmpty();
        assertThat(second.event()).isPresent();
    }

    @Test
    void an_update_older_than_the_order_shown_is_ignored() {
        Blotter blotter = new Blotter();
        blotter.apply(order("o1", "FILLED", "10", "2026-01-01T10:00:05Z"));

        var stale = blotter.apply(order("o1", "WORKING", "0", "2026-01-01T10:00:01Z"));

        assertThat(stale.shown()).isFalse();
        assertThat(blotter.find("o1").orElseThrow().status()).isEqualTo("FILLED");
    }
}
