package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/** An order was accepted for processing (status PENDING until the pre-trade risk check answers). */
@Revision("1")
public record OrderPlacedEvent(
        OrderId orderId,
        AccountId accountId,
        String clientOrderId,
        OrderTerms terms,
        Instant placedAt) {
}
