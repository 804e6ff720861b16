package org.mltrading.api.firm;

import java.time.Instant;

/** The firm's trading state after a halt or resume: halted or not, why and since when (null: never changed). */
public record FirmTradingStatus(boolean halted, String reason, Instant changedAt) {

    /** The one firm's aggregate identifier. */
    public static final String FIRM_ID = "firm";
}
