package org.mltrading.api.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AlertDeletedEvent(String alertId, String by, Instant deletedAt) {
}
