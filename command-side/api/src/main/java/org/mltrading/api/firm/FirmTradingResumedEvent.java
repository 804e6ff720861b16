package org.mltrading.api.firm;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Firm-wide trading resumed; who resumed it is in the event's audit metadata. */
@Revision("1")
public record FirmTradingResumedEvent(String firmId, String reason, Instant resumedAt) {
}
