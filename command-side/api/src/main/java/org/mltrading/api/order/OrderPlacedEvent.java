package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mltrading.api.common.AccountId;

/**
 * An order was accepted for processing (status PENDING until the pre-trade risk check answers).
 * {@code provenance} was added later as an optional field: events stored before it (and every manual
 * order) have none, so the revision stays "1" and old payloads deserialise with null; {@code basketId}
 * (the basket a placeBasket request placed it in) was added the same way.
 */
@Revision("1")
public record OrderPlacedEvent(
        OrderId orderId,
        AccountId accountId,
        String clientOrderId,
        OrderTerms terms,
        Instant placedAt,
        OrderProvenance provenance,
        String basketId) {

    /** A manual order (no provenance). */
    public OrderPlacedEvent(OrderId orderId, AccountId accountId, String clientOrderId, OrderTerms terms,
                            Instant placedAt) {
        this(orderId, accountId, clientOrderId, terms, placedAt, null, null);
    }

    /** An order outside any basket. */
    public OrderPlacedEvent(OrderId orderId, AccountId accountId, String clientOrderId, OrderTerms terms,
                            Instant placedAt, OrderProvenance provenance) {
        this(orderId, accountId, clientOrderId, terms, placedAt, provenance, null);
    }
}
