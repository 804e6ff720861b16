package org.mltrading.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume a paused alert, or re-arm a one-shot alert that fired. */
public record ResumeAlertCommand(@TargetAggregateIdentifier String alertId, String by) {
}
