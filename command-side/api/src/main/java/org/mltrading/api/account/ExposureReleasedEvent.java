package org.mltrading.api.account;

import org.mltrading.api.common.AccountId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.OrderId;

/** The reservation of an order was released; {@code released} is the notional freed. */
@Revision("1")
public record ExposureReleasedEvent(AccountId accountId, OrderId orderId, BigDecimal released, Instant releasedAt) {
}
