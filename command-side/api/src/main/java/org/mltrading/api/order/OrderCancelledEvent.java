package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** The rest of an order was CANCELLED; {@code cancelledQuantity} is what was still working. */
@Revision("1")
public record OrderCancelledEvent(OrderId orderId, AccountId accountId, String reasonCode, String reason,
                                  BigDecimal cancelledQuantity, Instant cancelledAt) {
}
