package org.mltrading.auth.login;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user whose password was right but who has not yet given the second factor; kept in the HTTP
 * session, never in the security context, so nothing treats them as logged in.
 *
 * @param enrolmentSecret the new secret shown as a QR code to a user without one; {@code null} otherwise
 */
public record PendingSecondFactor(String username, Instant passwordAcceptedAt, String enrolmentSecret)
        implements Serializable {

    public static final String SESSION_ATTRIBUTE = PendingSecondFactor.class.getName();

    /** The authority of a login completed with password AND code; tokens turn it into {@code amr: ["pwd","otp"]}. */
    public static final String OTP_FACTOR = "FACTOR_OTP";

    public PendingSecondFactor withEnrolmentSecret(String secret) {
        return new PendingSecondFactor(username, passwordAcceptedAt, secret);
    }
}
