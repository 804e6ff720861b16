package org.mltrading.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create an alert owned by {@code owner} (a user name or client id). */
public record CreateAlertCommand(@TargetAggregateIdentifier String alertId, String owner, AlertRule rule, String note) {
}
