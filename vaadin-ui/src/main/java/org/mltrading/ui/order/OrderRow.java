package org.mltrading.ui.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.mltrading.graphql.types.Order;
import org.mltrading.ui.trading.DeskOrder;
import org.mltrading.ui.trading.OrderStatuses;

/**
 * One order as the UI shows it. Quantities and prices are exact decimals exactly as the API sent
 * them (units of the instrument; price in the instrument's quote currency); times are UTC instants.
 */
public record OrderRow(String id, String clientOrderId, String accountId, String symbol, String side,
                       String type, BigDecimal quantity, BigDecimal limitPrice, String status,
                       Instant placedAt, Instant updatedAt, BigDecimal filledQuantity, BigDecimal averagePrice,
                       String timeInForce) {

    /** Can still trade, so it can be cancelled; the same statuses as the "Open" filter ({@link OrderStatuses#OPEN}). */
    public boolean open() {
        return OrderStatuses.open(status);
    }

    /** Accepted and working, so amendOrder takes it ({@link OrderStatuses#AMENDABLE}). */
    public boolean amendable() {
        return OrderStatuses.amendable(status);
    }

    /** The answer of a cancel or amend (the desk's client, {@code TradingClient}) as a row. */
    static OrderRow of(DeskOrder order) {
        return new OrderRow(order.id(), order.clientOrderId(), order.accountId(), order.symbol(), order.side(),
                order.type(), order.quantity(), order.limitPrice(), order.status(), order.placedAt(),
                order.updatedAt(), order.filledQuantity(), order.averagePrice(), order.timeInForce());
    }

    /**
     * The row as the shared amend dialog takes it. The orders page does not read stop prices, fills
     * or reasons, so they are empty: the dialog shows no stop price, as this page never did.
     */
    DeskOrder asDeskOrder() {
        return new DeskOrder(id, clientOrderId, accountId, symbol, side, type, quantity, limitPrice, null, timeInForce,
                status, null, null, null, filledQuantity, averagePrice, java.util.List.of(), placedAt, updatedAt);
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
