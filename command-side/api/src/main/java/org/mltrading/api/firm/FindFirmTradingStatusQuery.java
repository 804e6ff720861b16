package org.mltrading.api.firm;

/** The firm's trading state as order entry decides orders with it; answered with a {@link FirmTradingStatus}. */
public record FindFirmTradingStatusQuery() {
}
