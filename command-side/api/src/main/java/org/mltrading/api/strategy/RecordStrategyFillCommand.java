package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/** A fill of one of the strategy's orders (quantity in units, unsigned; {@code side} is the order's). Re-sent fills are ignored. */
public record RecordStrategyFillCommand(@TargetAggregateIdentifier StrategyId strategyId, OrderId orderId,
                                        String fillId, Side side, BigDecimal quantity) {
}
