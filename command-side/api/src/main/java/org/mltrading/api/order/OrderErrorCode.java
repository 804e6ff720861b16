package org.mltrading.api.order;

/** Why an order command was refused. Mapped once to GraphQL {@code extensions.code}; see docs/api/errors.md. */
public enum OrderErrorCode {
    ORDER_INVALID_CLIENT_ORDER_ID,
    ORDER_INVALID_QUANTITY,
    ORDER_LIMIT_PRICE_REQUIRED,
    ORDER_STOP_PRICE_REQUIRED,
    ORDER_INVALID_PRICE,
    ORDER_EXPIRE_AT_REQUIRED,
    ORDER_EXPIRE_AT_IN_PAST,
    ORDER_DUPLICATE_CLIENT_ORDER_ID,
    ORDER_UNKNOWN_ACCOUNT,
    ORDER_NOT_FOUND
}
