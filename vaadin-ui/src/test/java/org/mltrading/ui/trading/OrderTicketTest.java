package org.mltrading.ui.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderTicketTest {

    @Test
    void a_market_order_needs_symbol_and_a_positive_quantity_only() {
        OrderTicket ticket = new OrderTicket().symbol("AAPL").quantity(new BigDecimal("7"));

        assertThat(ticket.problems()).isEmpty();
        assertThat(ticket.toInput("demo-account", "c-1")).containsExactly(
                java.util.Map.entry("accountId", "demo-account"), java.util.Map.entry("clientOrderId", "c-1"),
                java.util.Map.entry("symbol", "AAPL"), java.util.Map.entry("side", "BUY"),
                java.util.Map.entry("type", "MARKET"), java.util.Map.entry("quantity", "7"),
                java.util.Map.entry("timeInForce", "DAY"));
    }

    @Test
    void missing_and_non_positive_values_are_named_by_the_field_label() {
        OrderTicket ticket = new OrderTicket().type(OrderTicket.Type.STOP_LIMIT).quantity(BigDecimal.ZERO)
                .limitPrice(new BigDecimal("-1"));

        assertThat(ticket.problems()).containsOnlyKeys("Symbol", "Quantity", "Limit price", "Stop price");
        assertThat(ticket.problems().get("Quantity")).isEqualTo("Quantity must be greater than zero.");
        assertThat(ticket.problems().get("Limit price")).isEqualTo("Limit price must be greater than zero.");
        assertThat(ticket.problems().get("Stop price")).isEqualTo("A stop-limit order needs a stop price.");
    }

    @Test
    void prices_the_type_does_not_use_are_not_sent() {
        OrderTicket ticket = new OrderTicket().symbol("MSFT").side(OrderTicket.Side.SELL).type(OrderTicket.Type.LIMIT)
                .quantity(new BigDecimal("3")).limitPrice(new BigDecimal("410.25")).stopPrice(new BigDecimal("400"))
                .timeInForce(OrderTicket.TimeInForce.GTC);

        var input = ticket.toInput("demo-account", "c-2");

        assertThat(input).containsEntry("limitPrice", "410.25").containsEntry("side", "SELL")
                .containsEntry("timeInForce", "GTC").doesNotContainKey("stopPrice");
        assertThat(ticket.summary()).isEqualTo("Sell 3 MSFT @ 410.25 limit");
    }

    @Test
    void an_incomplete_ticket_cannot_become_an_input() {
        assertThatThrownBy(() -> new OrderTicket().toInput("demo-account", "c-3"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void every_place_gets_a_fresh_client_order_id() {
        assertThat(OrderTicket.newClientOrderId()).startsWith("desk-").isNotEqualTo(OrderTicket.newClientOrderId());
    }

    @Test
    void a_quantity_off_the_lot_and_a_price_off_the_tick_are_refused_at_the_field_with_the_numbers() {
        OrderTicket ticket = new OrderTicket().symbol("AAPL").type(OrderTicket.Type.LIMIT)
                .increments(new BigDecimal("0.01"), BigDecimal.ONE)
                .quantity(new BigDecimal("1.5")).limitPrice(new BigDecimal("229.123"));

        assertThat(ticket.problems()).containsOnlyKeys("Quantity", "Limit price");
        assertThat(ticket.problems().get("Quantity"))
                .isEqualTo("Quantity 1.5 is not a multiple of the lot size 1 (nearest 1 or 2).");
        assertThat(ticket.problems().get("Limit price"))
                .isEqualTo("Limit price 229.123 is not a multiple of the tick size 0.01 (nearest 229.12 or 229.13).");
        assertThat(ticket.enteredValueProblems()).containsOnlyKeys("Quantity", "Limit price");
    }

    @Test
    void values_on_the_grid_pass_and_empty_fields_are_not_reported_while_typing() {
        OrderTicket ticket = new OrderTicket().symbol("AAPL").type(OrderTicket.Type.LIMIT)
                .increments(new BigDecimal("0.01"), BigDecimal.ONE).quantity(new BigDecimal("10"));

        assertThat(ticket.enteredValueProblems()).isEmpty();
        assertThat(ticket.limitPrice(new BigDecimal("229.10")).problems()).isEmpty();
        assertThat(ticket.quantity(new BigDecimal("0.4")).problems().get("Quantity"))
                .isEqualTo("Quantity 0.4 is not a multiple of the lot size 1 (smallest 1).");
    }
}
