package org.mltrading.api.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Resumed after a pause, or re-armed after a one-shot firing. */
@Revision("1")
public record AlertResumedEvent(String alertId, String by, Instant resumedAt) {
}
