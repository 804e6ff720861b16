package org.mltrading.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of an order in MongoDB ({@code orders}). {@code lastSequence} is the aggregate sequence
 * number of the last event applied: a replayed event with a lower or equal number is skipped, which
 * makes the projection idempotent without transactions. {@code cursor} is the position of its latest
 * change in the {@code orders} change log (0 for a change older than the log's retention).
 */
@Document("orders")
@CompoundIndex(name = "account_placed", def = "{'accountId': 1, 'placedAt': -1}")
public record OrderView(
        @Id String id,
        String accountId,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce timeInForce,
        Instant expireAt,
        OrderStatus status,
        String rejectReason,
        Instant placedAt,
        Instant updatedAt,
        String placedBy,
        long lastSequence,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        String rejectCode,
        List<FillView> fills,
        String cancelCode,
        String cancelReason,
        ProvenanceView provenance,
        long cursor,
        String basketId) {

    /**
     * Why an automated order exists (absent for manual orders and for orders stored before it existed):
     * the strategy and the prediction it acted on — forecast of the next bar's log return, its 95 %
     * interval, and the model's inputs by name.
     */
    public record ProvenanceView(String strategyId, String modelName, int modelVersion, String predictionId,
                                 Instant predictionTime, Instant barTime, double value, double lower, double upper,
                                 Map<String, Double> features) {
    }

    /** One execution: price per unit and fee in the quote currency, quantity in units. */
    public record FillView(String fillId, BigDecimal price, BigDecimal quantity, BigDecimal fee, Instant time) {
    }

    /** The same order as the change logged with {@code newCursor} shows it. */
    OrderView withCursor(long newCursor) {
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, expireAt, status, rejectReason, placedAt, updatedAt, placedBy, lastSequence, filledQuantity,
                averagePrice, rejectCode, fills, cancelCode, cancelReason, provenance, newCursor, basketId);
    }

    OrderView withStatus(OrderStatus newStatus, Instant at, long sequence) {
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, expireAt, newStatus, rejectReason, placedAt, at, placedBy, sequence, filledQuantity,
                averagePrice, rejectCode, fills, cancelCode, cancelReason, provenance, cursor, basketId);
    }

    OrderView rejected(String code, String reason, Instant at, long sequence) {
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, expireAt, OrderStatus.REJECTED, reason, placedAt, at, placedBy, sequence, filledQuantity,
                averagePrice, code, fills, cancelCode, cancelReason, provenance, cursor, basketId);
    }

    OrderView cancelled(String code, String reason, Instant at, long sequence) {
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, expireAt, OrderStatus.CANCELLED, rejectReason, placedAt, at, placedBy, sequence,
                filledQuantity, averagePrice, rejectCode, fills, code, reason, provenance, cursor, basketId);
    }

    OrderView amended(BigDecimal newQuantity, BigDecimal newLimit, BigDecimal newStop, Instant at, long sequence) {
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, newQuantity, newLimit, newStop,
                timeInForce, expireAt, status, rejectReason, placedAt, at, placedBy, sequence, filledQuantity,
                averagePrice, rejectCode, fills, cancelCode, cancelReason, provenance, cursor, basketId);
    }

    OrderView filled(FillView fill, BigDecimal cumulative, BigDecimal average, boolean complete, long sequence) {
        List<FillView> all = new ArrayList<>(fills == null ? List.of() : fills);
        all.add(fill);
        return new OrderView(id, accountId, clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, expireAt, complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, rejectReason,
                placedAt, fill.time(), placedBy, sequence, cumulative, average, rejectCode, all, cancelCode,
                cancelReason, provenance, cursor, basketId);
    }
}
