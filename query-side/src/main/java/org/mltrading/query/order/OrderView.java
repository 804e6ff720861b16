package org.mltrading.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.TimeInForce;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of an order in MongoDB ({@code orders}). {@code lastSequence} is the aggregate sequence
 * number of the last event applied: a replayed event with a lower or equal number is skipped, which
 * makes the projection idempotent without transactions.
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
        long lastSequence) {
}
