package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/**
 * A fill of an order. {@code filledQuantity} and {@code averagePrice} are cumulative over all fills;
 * {@code leavesQuantity} is what still works; {@code complete} when nothing is left (status FILLED,
 * else PARTIALLY_FILLED).
 */
@Revision("1")
public record OrderFilledEvent(OrderId orderId, AccountId accountId, String symbol, Side side, String fillId,
                               BigDecimal price, BigDecimal quantity, BigDecimal fee, BigDecimal filledQuantity,
                               BigDecimal averagePrice, BigDecimal leavesQuantity, boolean complete,
                               Instant executedAt) {
}
