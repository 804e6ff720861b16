package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/**
 * A fill booked on the account, with the resulting state of the position: signed quantity (negative =
 * short), average entry price, the P&L this fill realised (after fees) and the cash balance after it.
 */
@Revision("1")
public record FillAppliedEvent(AccountId accountId, OrderId orderId, String fillId, String symbol, Side side,
                               BigDecimal price, BigDecimal quantity, BigDecimal fee, BigDecimal positionQuantity,
                               BigDecimal averagePrice, BigDecimal realizedPnl, BigDecimal cash, Instant executedAt) {
}
