package org.mltrading.api.strategy;

import org.mltrading.api.common.StrategyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.model.ModelId;

/**
 * Attach a paper strategy to an account: the PRODUCTION version {@code modelVersion} of the model drives
 * orders in {@code symbol}. Entitlement and the model's status are checked at the edge before it is sent;
 * {@code reason} is the requester's why, kept in the audit trail.
 */
public record StartStrategyCommand(@TargetAggregateIdentifier StrategyId strategyId, AccountId accountId,
                                   ModelId modelId, String modelName, int modelVersion, String symbol,
                                   StrategyParameters parameters, String reason) {
}
