package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The venue executed (part of) an order. {@code fillId} is unique per order so a re-sent fill is
 * ignored. Price per unit and fee in the quote currency; quantity in units.
 */
public record RecordFillCommand(@TargetAggregateIdentifier OrderId orderId, String fillId, BigDecimal price,
                                BigDecimal quantity, BigDecimal fee, Instant executedAt) {
}
