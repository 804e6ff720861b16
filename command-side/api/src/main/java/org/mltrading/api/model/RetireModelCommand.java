package org.mltrading.api.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a version for good (ADMIN or RISK_OFFICER); it stops predicting. */
public record RetireModelCommand(@TargetAggregateIdentifier ModelId modelId, int version, String reason) {
}
