package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** A strategy stopped (by request, or because its model version was retired); it places no further orders. */
@Revision("1")
public record StrategyStoppedEvent(StrategyId strategyId, AccountId accountId, String reason, Instant stoppedAt) {
}
