package org.mltrading.api.firm;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Trading was halted firm-wide; who halted it is in the event's audit metadata. */
@Revision("1")
public record FirmTradingHaltedEvent(String firmId, String reason, Instant haltedAt) {
}
