package org.mltrading.api.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AlertCreatedEvent(String alertId, String owner, AlertRule rule, String note, Instant createdAt) {
}
