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
 * {@code reservationUsed} is the notional of the order's reservation this fill consumed (at most what
 * was left of it), so a read model keeps the account's reserved total without one entry per open
 * order; null in events stored before it existed (ADR 0019).
 */
@Revision("1")
public record FillAppliedEvent(AccountId accountId, OrderId orderId, String fillId, String symbol, Side side,
                               BigDecimal price, BigDecimal quantity, BigDecimal fee, BigDecimal positionQuantity,
                               BigDecimal averagePrice, BigDecimal realizedPnl, BigDecimal cash, Instant executedAt,
                               BigDecimal reservationUsed) {

    /** A fill whose reservation use is not recorded (events stored before the field existed, tests). */
    public FillAppliedEvent(AccountId accountId, OrderId orderId, String fillId, String symbol, Side side,
                            BigDecimal price, BigDecimal quantity, BigDecimal fee, BigDecimal positionQuantity,
                            BigDecimal averagePrice, BigDecimal realizedPnl, BigDecimal cash, Instant executedAt) {
        this(accountId, orderId, fillId, symbol, side, price, quantity, fee, positionQuantity, averagePrice, realizedPnl,
                cash, executedAt, null);
    }
}
