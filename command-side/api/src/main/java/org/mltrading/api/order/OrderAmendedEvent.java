package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A working order's terms changed; the values are the new ones in full. */
@Revision("1")
public record OrderAmendedEvent(OrderId orderId, AccountId accountId, BigDecimal quantity, BigDecimal limitPrice,
                                BigDecimal stopPrice, Instant amendedAt) {
}
