package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/** Book a fill on the account: cash, position, average price, realised P&L, exposure. Idempotent per fillId. */
public record ApplyFillCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId, String fillId,
                               String symbol, Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee,
                               Instant executedAt) {
}
