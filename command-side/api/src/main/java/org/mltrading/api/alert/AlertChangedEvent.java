package org.mltrading.api.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AlertChangedEvent(String alertId, String by, AlertRule rule, Instant changedAt) {
}
