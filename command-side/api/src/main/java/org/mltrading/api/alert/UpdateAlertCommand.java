package org.mltrading.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an alert's rule (kind and symbol stay); a triggered one-shot alert is re-armed by the change. */
public record UpdateAlertCommand(@TargetAggregateIdentifier String alertId, String by, AlertRule rule) {
}
