package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.mltrading.graphql.types.Fill;
import org.mltrading.graphql.types.Order;

/**
 * An order as the desk shows it (blotter, chart markers, notifications): exact decimals as the API
 * sent them, UTC instants, enum values by name. Mapped from the generated type at the edge so the
 * views never see generated classes.
 */
public record DeskOrder(String id, String clientOrderId, String accountId, String symbol, String side, String type,
                        BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, String timeInForce,
                        String status, String rejectCode, String rejectReason, String cancelReason,
                        BigDecimal filledQuantity, BigDecimal averagePrice, List<DeskFill> fills,
                        Instant placedAt, Instant updatedAt) {

    public DeskOrder {
        fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** One execution: price and fee in the quote currency, quantity in units. */
    public record DeskFill(String fillId, BigDecimal price, BigDecimal quantity, BigDecimal fee, Instant time) {
    }

    /** Can still trade ({@link OrderStatuses#OPEN}). */
    public boolean working() {
        return OrderStatuses.open(status);
    }

    /** The desk offers Cancel (and Amend) once risk has accepted the order ({@link OrderStatuses#AMENDABLE}). */
    public boolean cancellable() {
        return OrderStatuses.amendable(status);
    }

    public boolean amendable() {
        return cancellable();
    }

    static DeskOrder from(Order order) {
        List<DeskFill> fills = order.getFills() == null ? List.of() : order.getFills().stream()
                .map(DeskOrder::fill).toList();
        return new DeskOrder(order.getId(), order.getClientOrderId(), order.getAccountId(), order.getSymbol(),
                name(order.getSide()), name(order.getType()), order.getQuantity(), order.getLimitPrice(),
                order.getStopPrice(), name(order.getTimeInForce()), name(order.getStatus()), order.getRejectCode(),
                order.getRejectReason(), order.getCancelReason(), order.getFilledQuantity(), order.getAveragePrice(),
                fills, instant(order.getPlacedAt()), instant(order.getUpdatedAt()));
    }

    private static DeskFill fill(Fill fill) {
        return new DeskFill(fill.getFillId(), fill.getPrice(), fill.getQuantity(), fill.getFee(), instant(fill.getTime()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
