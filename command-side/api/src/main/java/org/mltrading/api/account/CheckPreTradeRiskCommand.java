package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/**
 * Pre-trade risk check of a new order on its account. {@code referencePrice} is the price the
 * notional is computed with (limit price, else the touch; null when no market price is known).
 */
public record CheckPreTradeRiskCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId, String symbol,
                                       Side side, BigDecimal quantity, BigDecimal referencePrice, Instant requestedAt) {
}
