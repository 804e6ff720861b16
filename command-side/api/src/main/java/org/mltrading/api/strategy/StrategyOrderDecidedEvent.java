package org.mltrading.api.strategy;

import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.common.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderTerms;

/**
 * The strategy decided an order on a prediction; it is placed through the ordinary PlaceOrder command
 * with {@code clientOrderId} derived from (strategy, prediction), so it is placed at most once.
 *
 * @param targetPosition where the strategy wants its position (units, signed) after this prediction
 * @param position       its filled position (units, signed) when it decided
 * @param openQuantity   signed units of its orders still open when it decided (before this one)
 */
@Revision("1")
public record StrategyOrderDecidedEvent(StrategyId strategyId, AccountId accountId, OrderId orderId,
                                        String clientOrderId, OrderTerms terms, BigDecimal targetPosition,
                                        BigDecimal position, BigDecimal openQuantity, OrderProvenance provenance,
                                        Instant decidedAt) {
}
