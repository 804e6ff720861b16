package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** An order was REJECTED: {@code reasonCode} from the catalogue (e.g. RISK_MAX_ORDER_NOTIONAL), {@code reason} for humans. */
@Revision("1")
public record OrderRejectedEvent(OrderId orderId, AccountId accountId, String reasonCode, String reason, Instant rejectedAt) {
}
