package org.mltrading.api.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.account.AccountId;

/** A working order's terms changed; the values are the new ones in full. */
@Revision("1")
public record OrderAmendedEvent(OrderId orderId, AccountId accountId, BigDecimal quantity, BigDecimal limitPrice,
                                BigDecimal stopPrice, Instant amendedAt) {
}
