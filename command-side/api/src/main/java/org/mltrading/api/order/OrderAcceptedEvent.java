package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** An order passed the pre-trade risk check and is WORKING at the venue. */
@Revision("1")
public record OrderAcceptedEvent(OrderId orderId, AccountId accountId, String symbol, OrderTerms terms, Instant acceptedAt) {
}
