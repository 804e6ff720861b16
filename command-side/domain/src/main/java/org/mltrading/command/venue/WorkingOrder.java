package org.mltrading.command.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;

/**
 * An order working at the venue, as rebuilt from the order events, plus what the venue itself has in
 * flight for it (a fill or a cancel/expire sent and not yet seen back as an event).
 */
final class WorkingOrder {

    final OrderId orderId;
    final String symbol;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final Instant expiresAt;

    BigDecimal quantity;
    BigDecimal limitPrice;
    BigDecimal stopPrice;
    BigDecimal filledQuantity = BigDecimal.ZERO;
    /** Distinct fill ids seen in OrderFilledEvents: the next fill is number size() + 1. */
    final Set<String> fillIds = new HashSet<>();
    /** Stops trigger once; not an event, so after a restart only a partly filled stop counts as triggered. */
    boolean triggered;
    /** Reached the venue (after the configured latency, or when the venue went live). */
    boolean arrived;
    String pendingFillId;
    Instant pendingSince;
    boolean closing;
    Instant closingSince;

    WorkingOrder(OrderAcceptedEvent event) {
        OrderTerms terms = event.terms();
        this.orderId = event.orderId();
        this.symbol = event.symbol() != null ? event.symbol() : terms.symbol();
        this.side = terms.side();
        this.type = terms.type();
        this.timeInForce = terms.timeInForce();
        this.quantity = terms.quantity();
        this.limitPrice = terms.limitPrice();
        this.stopPrice = terms.stopPrice();
        this.expiresAt = expiry(terms, event.acceptedAt());
    }

    /** DAY orders end at the next 00:00 UTC after acceptance, GTD at their expireAt; others never. */
    static Instant expiry(OrderTerms terms, Instant acceptedAt) {
        return switch (terms.timeInForce()) {
            case DAY -> acceptedAt == null ? null
                    : LocalDate.ofInstant(acceptedAt, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case GTD -> terms.expireAt();
            default -> null;
        };
    }

    BigDecimal leaves() {
        return quantity.subtract(filledQuantity).max(BigDecimal.ZERO);
    }

    boolean immediate() {
        return timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK;
    }

    boolean busy() {
        return pendingFillId != null || closing;
    }

    String nextFillId() {
        return orderId + "-" + (fillIds.size() + 1);
    }
}
