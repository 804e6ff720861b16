package org.mltrading.query.order;

import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderStatus;

/**
 * How one order event changes an order's state: the single fold shared by the live projection and
 * the time-travel rebuild ({@code order(id, asOf)}), so both read the history the same way.
 */
final class OrderStates {

    private OrderStates() {
    }

    /**
     * The order after {@code event}, stamped with the event's aggregate {@code sequence}.
     *
     * @param current  the order before the event; null before its OrderPlacedEvent
     * @param placedBy the actor of the OrderPlacedEvent (metadata), ignored for other events
     * @return the new state; {@code current} for an event that is not about an order's state
     */
    private static OrderView.ProvenanceView provenance(org.mltrading.api.order.OrderProvenance provenance) {
        return provenance == null ? null : new OrderView.ProvenanceView(provenance.strategyId().value(),
                provenance.modelName(), provenance.modelVersion(), provenance.predictionId(), provenance.predictionTime(),
                provenance.barTime(), provenance.value(), provenance.lower(), provenance.upper(),
                provenance.features() == null ? java.util.Map.of() : java.util.Map.copyOf(provenance.features()));
    }

    /**
     * Instants to the millisecond, as MongoDB stores them: an order shows the same times whether it is
     * read from the read model, pushed by a subscription or answered by placeOrder from its commit.
     */
    private static java.time.Instant ms(java.time.Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static OrderView next(OrderView current, Object event, long sequence, String placedBy) {
        if (event instanceof OrderPlacedEvent placed) {
            var terms = placed.terms();
            return new OrderView(placed.orderId().toString(), placed.accountId().value(), placed.clientOrderId(),
                    terms.symbol(), terms.side(), terms.type(), terms.quantity(), terms.limitPrice(), terms.stopPrice(),
                    terms.timeInForce(), terms.expireAt(), OrderStatus.PENDING, null, ms(placed.placedAt()),
                    ms(placed.placedAt()), placedBy, sequence, java.math.BigDecimal.ZERO, null, null, java.util.List.of(),
                    null, null, provenance(placed.provenance()), 0L, placed.basketId());
        }
        if (current == null) {
            return null; // no placement seen (yet): nothing to change
        }
        if (event instanceof OrderAcceptedEvent accepted) {
            return current.withStatus(OrderStatus.WORKING, ms(accepted.acceptedAt()), sequence);
        }
        if (event instanceof OrderRejectedEvent rejected) {
            return current.rejected(rejected.reasonCode(), rejected.reason(), ms(rejected.rejectedAt()), sequence);
        }
        if (event instanceof OrderFilledEvent filled) {
            return current.filled(new OrderView.FillView(filled.fillId(), filled.price(), filled.quantity(), filled.fee(),
                    ms(filled.executedAt())), filled.filledQuantity(), filled.averagePrice(), filled.complete(), sequence);
        }
        if (event instanceof OrderCancelledEvent cancelled) {
            return current.cancelled(cancelled.reasonCode(), cancelled.reason(), ms(cancelled.cancelledAt()), sequence);
        }
        if (event instanceof OrderExpiredEvent expired) {
            return current.withStatus(OrderStatus.EXPIRED, ms(expired.expiredAt()), sequence);
        }
        if (event instanceof OrderAmendedEvent amended) {
            return current.amended(amended.quantity(), amended.limitPrice(), amended.stopPrice(), ms(amended.amendedAt()),
                    sequence);
        }
        return current;
    }
}
