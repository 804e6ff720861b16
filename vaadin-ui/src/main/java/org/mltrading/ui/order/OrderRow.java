package org.mltrading.ui.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.mltrading.graphql.types.Order;

/**
 * One order as the UI shows it. Quantities and prices are exact decimals exactly as the API sent
 * them (units of the instrument; price in the instrument's quote currency); times are UTC instants.
 */
public record OrderRow(String id, String clientOrderId, String accountId, String symbol, String side,
                       String type, BigDecimal quantity, BigDecimal limitPrice, String status,
                       Instant placedAt, Instant updatedAt, BigDecimal filledQuantity, BigDecimal averagePrice,
                       String timeInForce) {

    /** Statuses in which an order can still be amended or cancelled (PENDING is not yet accepted). */
    static final java.util.Set<String> OPEN = java.util.Set.of("WORKING", "PARTIALLY_FILLED");

    public boolean open() {
        return OPEN.contains(status);
    }

    /** Maps the generated GraphQL type at the edge, so views never see generated classes. */
    static OrderRow from(Order order) {
        return new OrderRow(order.getId(), order.getClientOrderId(), order.getAccountId(), order.getSymbol(),
                nameOf(order.getSide()), nameOf(order.getType()), order.getQuantity(), order.getLimitPrice(),
                nameOf(order.getStatus()),
                Optional.ofNullable(order.getPlacedAt()).map(t -> t.toInstant()).orElse(null),
                Optional.ofNullable(order.getUpdatedAt()).map(t -> t.toInstant()).orElse(null),
                order.getFilledQuantity(), order.getAveragePrice(), nameOf(order.getTimeInForce()));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
