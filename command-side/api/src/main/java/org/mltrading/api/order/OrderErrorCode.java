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
    /** The symbol is not in the instrument catalogue. */
    ORDER_UNKNOWN_SYMBOL,
    ORDER_NOT_FOUND,
    /** The order's status does not allow the command: it is terminal (FILLED, CANCELLED, REJECTED,
     *  EXPIRED), or not working yet (PENDING) for amend, fill and expire. The message names the status. */
    ORDER_NOT_WORKING,
    /** Accept or reject of an order the pre-trade check has already let through (WORKING, PARTIALLY_FILLED). */
    ORDER_ALREADY_ACCEPTED,
    /** Expiry of an order whose time in force does not expire (GTC, IOC, FOK): only DAY and GTD expire. */
    ORDER_NOT_EXPIRABLE,
    /** A fill report without a fillId (fills are de-duplicated by it). */
    ORDER_INVALID_FILL
}
