package org.mltrading.ui.graphql;

/**
 * A GraphQL call that did not give data; {@link #userMessage()} is safe to show in the UI (no
 * class names or stack traces), {@link #getMessage()} carries the details for the log.
 */
public class GraphQlApiException extends RuntimeException {

    /** Why the call failed, as far as the user is concerned. */
    public enum Kind {
        /** Network failure, timeout, 5xx: the API is down or unreachable. */
        UNREACHABLE("The trading API cannot be reached right now. Please try again in a moment."),
        /** 401/403 from the transport: the token was refused. */
        UNAUTHORIZED("The trading API refused your sign-in. Please log in again."),
        /** The API answered with GraphQL errors. */
        REJECTED("The trading API could not answer the request.");

        private final String userMessage;

        Kind(String userMessage) {
            this.userMessage = userMessage;
        }
    }

    private final Kind kind;
    private final String code;

    public GraphQlApiException(Kind kind, String message, Throwable cause) {
        this(kind, null, message, cause);
    }

    public GraphQlApiException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code extensions.code} of the first GraphQL error, if any. */
    public String code() {
        return code;
    }

    /**
     * A refusal of the catalogue (docs/api/errors.md) in words with the API's numbers, e.g. "Quantity
     * not accepted: quantity must be a multiple of the lot size 1"; otherwise the kind's generic text.
     * A raw code is never shown.
     */
    public String userMessage() {
        if (kind == Kind.REJECTED && Refusals.known(code)) {
            return Refusals.describe(code, getMessage());
        }
        return kind.userMessage;
    }
}
