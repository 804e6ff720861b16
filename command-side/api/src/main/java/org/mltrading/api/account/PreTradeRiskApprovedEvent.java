package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/** The order passed every check; {@code reservedExposure} (notional) is held until the order ends. */
@Revision("1")
public record PreTradeRiskApprovedEvent(AccountId accountId, OrderId orderId, String symbol, Side side,
                                        BigDecimal quantity, BigDecimal reservedExposure, Instant approvedAt) {
}
