package org.mltrading.api.alert;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The evaluator saw the rule's condition: fire episode {@code episode} (the alert's count of firings + 1).
 * A second trigger of the same episode, or one of a paused, disarmed or deleted alert, changes nothing.
 */
public record TriggerAlertCommand(@TargetAggregateIdentifier String alertId, long episode, BigDecimal observed,
                                  Instant observedAt) {
}
