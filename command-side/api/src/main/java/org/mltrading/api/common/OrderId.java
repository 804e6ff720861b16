package org.mltrading.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of an order. Derived deterministically from (account, clientOrderId) so that a resent
 * placeOrder targets the same aggregate: idempotency comes from the event store's uniqueness of
 * (aggregate id, sequence), not from a lookup that could race.
 */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    public static OrderId forClientOrder(AccountId accountId, String clientOrderId) {
        String key = "order:" + accountId.value() + "\u0000" + clientOrderId;
        return new OrderId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static OrderId parse(String raw) {
        return new OrderId(UUID.fromString(raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
