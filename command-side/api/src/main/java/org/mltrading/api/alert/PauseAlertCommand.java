package org.mltrading.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PauseAlertCommand(@TargetAggregateIdentifier String alertId, String by) {
}
