package org.mltrading.api.order;

/** Lifecycle of an order as clients see it. */
public enum OrderStatus {
    PENDING, WORKING, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }
}
