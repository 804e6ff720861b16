package org.mltrading.api.order;

import org.mltrading.api.common.OrderId;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the quantity and/or prices of a working order; null keeps the current value. */
public record AmendOrderCommand(@TargetAggregateIdentifier OrderId orderId, BigDecimal quantity,
                                BigDecimal limitPrice, BigDecimal stopPrice) {
}
