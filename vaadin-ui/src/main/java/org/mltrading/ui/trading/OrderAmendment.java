package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an amend form means for {@code amendOrder}: only the fields that differ from the order are
 * sent (an unchanged price is left out); a new quantity must exceed what is already filled.
 */
public record OrderAmendment(Map<String, Object> changes, String problem) {

    public static OrderAmendment between(DeskOrder order, BigDecimal quantity, BigDecimal limitPrice,
                                         BigDecimal stopPrice) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (quantity == null || quantity.signum() <= 0) {
            return new OrderAmendment(Map.of(), "Quantity must be greater than zero.");
        }
        BigDecimal filled = order.filledQuantity() == null ? BigDecimal.ZERO : order.filledQuantity();
        if (quantity.compareTo(filled) <= 0) {
            return new OrderAmendment(Map.of(), "Quantity must exceed the " + filled.toPlainString() + " already filled.");
        }
        if (order.quantity() == null || quantity.compareTo(order.quantity()) != 0) {
            changes.put("quantity", quantity.toPlainString());
        }
        if (limitPrice != null && (order.limitPrice() == null || limitPrice.compareTo(order.limitPrice()) != 0)) {
            changes.put("limitPrice", limitPrice.toPlainString());
        }
        if (stopPrice != null && (order.stopPrice() == null || stopPrice.compareTo(order.stopPrice()) != 0)) {
            changes.put("stopPrice", stopPrice.toPlainString());
        }
        return new OrderAmendment(Map.copyOf(changes), "");
    }
}
