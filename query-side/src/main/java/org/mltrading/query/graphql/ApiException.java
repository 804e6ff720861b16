package org.mltrading.query.graphql;

/** An error with a catalogue code, answered to the client with its message (never a stack trace). */
public class ApiException extends RuntimeException {

    private final String code;

    public ApiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ApiException(ApiErrorCode code, String message) {
        this(code.name(), message);
    }

    public String code() {
        return code;
    }
}
