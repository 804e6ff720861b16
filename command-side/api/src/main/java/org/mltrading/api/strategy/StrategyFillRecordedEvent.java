package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;

/** A fill of a strategy order moved the strategy's position (units, signed) to {@code position}. */
@Revision("1")
public record StrategyFillRecordedEvent(StrategyId strategyId, OrderId orderId, String fillId,
                                        BigDecimal signedQuantity, BigDecimal position) {
}
