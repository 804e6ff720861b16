package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;

/** The order failed a check: {@code code} names the limit, {@code reason} says by how much. */
@Revision("1")
public record PreTradeRiskRejectedEvent(AccountId accountId, OrderId orderId, RiskErrorCode code, String reason,
                                        Instant rejectedAt) {
}
