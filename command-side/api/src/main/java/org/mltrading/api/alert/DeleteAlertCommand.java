package org.mltrading.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteAlertCommand(@TargetAggregateIdentifier String alertId, String by) {
}
