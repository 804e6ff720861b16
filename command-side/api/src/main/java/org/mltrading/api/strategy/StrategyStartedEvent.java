package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.model.ModelId;

/** A paper strategy was attached to an account; who started it travels as the event's metadata. */
@Revision("1")
public record StrategyStartedEvent(StrategyId strategyId, AccountId accountId, ModelId modelId, String modelName,
                                   int modelVersion, String symbol, StrategyParameters parameters, String reason,
                                   Instant startedAt) {
}
