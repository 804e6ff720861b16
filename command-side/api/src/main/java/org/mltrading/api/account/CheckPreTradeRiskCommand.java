package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/**
 * Pre-trade risk check of a new order on its account. {@code referencePrice} is the price the
 * notional is computed with (limit price, else the touch; null when no market price is known);
 * {@code controls} what the firm-wide checks need (order entry gathers them).
 */
public record CheckPreTradeRiskCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId, String symbol,
                                       Side side, BigDecimal quantity, BigDecimal referencePrice, Instant requestedAt,
                                       OrderControls controls) {

    public CheckPreTradeRiskCommand {
        if (controls == null) {
            controls = OrderControls.NONE;
        }
    }

    /** A check of the account alone: no firm halt, no collar, no instrument maximum. */
    public CheckPreTradeRiskCommand(AccountId accountId, OrderId orderId, String symbol, Side side, BigDecimal quantity,
                                    BigDecimal referencePrice, Instant requestedAt) {
        this(accountId, orderId, symbol, side, quantity, referencePrice, requestedAt, OrderControls.NONE);
    }
}
