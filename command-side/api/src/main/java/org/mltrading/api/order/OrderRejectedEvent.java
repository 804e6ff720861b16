package org.mltrading.api.order;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.account.AccountId;

/** An order was REJECTED: {@code reasonCode} from the catalogue (e.g. RISK_MAX_ORDER_NOTIONAL), {@code reason} for humans. */
@Revision("1")
public record OrderRejectedEvent(OrderId orderId, AccountId accountId, String reasonCode, String reason, Instant rejectedAt) {
}
