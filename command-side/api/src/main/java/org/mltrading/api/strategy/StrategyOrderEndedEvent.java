package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;

/** A strategy order ended with {@code unfilledQuantity} units never filled; they no longer count as open. */
@Revision("1")
public record StrategyOrderEndedEvent(StrategyId strategyId, OrderId orderId, BigDecimal unfilledQuantity,
                                      String outcome) {
}
