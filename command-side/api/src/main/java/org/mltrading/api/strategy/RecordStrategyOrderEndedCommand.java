package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.OrderId;

/**
 * One of the strategy's orders ended without filling {@code unfilledQuantity} units (rejected, cancelled,
 * expired, or refused before it was placed); {@code outcome} is the order status or refusal code.
 */
public record RecordStrategyOrderEndedCommand(@TargetAggregateIdentifier StrategyId strategyId, OrderId orderId,
                                              BigDecimal unfilledQuantity, String outcome) {
}
