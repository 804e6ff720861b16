package org.mltrading.query.security;

/** The caller may not do or see this; answered as PERMISSION_DENIED without saying whether it exists. */
public class ApiAccessDeniedException extends RuntimeException {
    public ApiAccessDeniedException(String message) {
        super(message);
    }
}
