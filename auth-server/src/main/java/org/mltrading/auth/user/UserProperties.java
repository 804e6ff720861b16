package org.mltrading.auth.user;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users created on first start ({@code platform.auth.users}) and the lockout policy. Configured users
 * are inserted once; afterwards the auth store owns them (disable, lockout, enrolment). Empty unless a
 * profile or the deployment supplies them: the demo users exist only in {@code auth-server-local.yml}.
 *
 * @param maxFailures  consecutive wrong passwords (or wrong/replayed codes) before a lockout
 * @param lockout      how long a locked user cannot log in
 */
@ConfigurationProperties("platform.auth")
public record UserProperties(List<User> users, Integer maxFailures, Duration lockout) {

    public UserProperties {
        users = users == null ? List.of() : List.copyOf(users);
        maxFailures = maxFailures == null ? 5 : maxFailures;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }

    /**
     * @param password   {@code {bcrypt}…} (or any {@code {id}hash}); a raw value is encoded at start
     * @param roles      role names without the {@code ROLE_} prefix, e.g. {@code TRADER}
     * @param totpSecret pre-enrolled base32 TOTP secret (demo users only); {@code null}: the user
     *                   enrols with a QR code at first login
     */
    public record User(String username, String password, List<String> roles, String totpSecret) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
