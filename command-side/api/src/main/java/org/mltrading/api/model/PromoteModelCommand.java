package org.mltrading.api.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a validated version into PRODUCTION (ADMIN or RISK_OFFICER); the previous production version is retired. */
public record PromoteModelCommand(@TargetAggregateIdentifier ModelId modelId, int version) {
}
