package org.mltrading.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.order.OrderId;

/** The order failed a check: {@code code} names the limit, {@code reason} says by how much. */
@Revision("1")
public record PreTradeRiskRejectedEvent(AccountId accountId, OrderId orderId, RiskErrorCode code, String reason,
                                        Instant rejectedAt) {
}
