package org.mltrading.auth.user;

import java.time.Instant;
import java.util.List;

/**
 * A stored user.
 *
 * @param roles        role names without {@code ROLE_}
 * @param totpSecret   base32 secret of the enrolled authenticator app, {@code null} before enrolment
 * @param totpLastStep last accepted TOTP time step (replay guard), {@code null} before the first code
 * @param lockedUntil  set after too many wrong passwords or codes; {@code null} when not locked
 */
public record PlatformUser(
        String username,
        String passwordHash,
        List<String> roles,
        boolean enabled,
        String totpSecret,
        Long totpLastStep,
        int failedLogins,
        int failedCodes,
        Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean enrolled() {
        return totpSecret != null && !totpSecret.isBlank();
    }
}
