package org.mltrading.query.graphql;

/**
 * Codes of errors that are not owned by one business context. Context codes (ORDER_…, RISK_…) come
 * from the api enums. The whole catalogue is documented in docs/api/errors.md.
 */
public enum ApiErrorCode {
    PERMISSION_DENIED,
    NOT_FOUND,
    RATE_LIMITED,
    VALIDATION_INVALID_INPUT,
    AUTH_UNAUTHENTICATED,
    INTERNAL_ERROR,
    UNAVAILABLE
}
