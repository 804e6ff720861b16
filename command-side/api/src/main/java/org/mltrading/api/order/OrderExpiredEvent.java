package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** The rest of an order EXPIRED. */
@Revision("1")
public record OrderExpiredEvent(OrderId orderId, AccountId accountId, BigDecimal expiredQuantity, Instant expiredAt) {
}
