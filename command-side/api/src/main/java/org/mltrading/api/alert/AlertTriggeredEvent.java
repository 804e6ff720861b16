package org.mltrading.api.alert;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An alert fired (episode n): what it watched, what was seen and when; one-shot alerts are disarmed by it. */
@Revision("1")
public record AlertTriggeredEvent(String alertId, String owner, AlertRule rule, long episode, BigDecimal observed,
                                  Instant observedAt, Instant triggeredAt) {
}
