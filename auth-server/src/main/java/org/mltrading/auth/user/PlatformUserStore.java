package org.mltrading.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Users in the auth store. Every change is one single-row UPDATE, so concurrent logins of one user
 * cannot lose a failure count or accept one TOTP step twice (the step update is conditional). TOTP
 * secrets are stored encrypted ({@link TotpSecretCipher}); callers only ever see the base32 secret.
 */
@Repository
public class PlatformUserStore {

    private static final Logger log = LoggerFactory.getLogger(PlatformUserStore.class);

    private final JdbcTemplate jdbc;
    private final TotpSecretCipher cipher;

    public PlatformUserStore(JdbcTemplate authStoreJdbc, TotpSecretCipher totpSecretCipher) {
        this.jdbc = authStoreJdbc;
        this.cipher = totpSecretCipher;
        encryptPlainSecrets();
    }

    /**
     * Encrypts secrets written in plain text by an earlier version. Conditional per row, so two servers
     * starting on one store cannot encrypt a value twice.
     */
    final int encryptPlainSecrets() {
        List<String[]> stored = jdbc.query("SELECT username, totp_secret FROM platform_user WHERE totp_secret IS NOT NULL",
                (row, index) -> new String[] {row.getString(1), row.getString(2)});
        int encrypted = 0;
        for (String[] user : stored) {
            if (TotpSecretCipher.isEncrypted(user[1])) {
                // a store restored without its key would lock every user out at the code step: refuse to start
                try {
                    cipher.decrypt(user[1]);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("the TOTP secret of user " + user[0] + " cannot be decrypted: the key "
                            + "(platform.auth.totp.key / key-file) is not the one the auth store was written with; "
                            + "restore that key, or re-enrol the users", e);
                }
            } else {
                encrypted += jdbc.update("UPDATE platform_user SET totp_secret = ? WHERE username = ? AND totp_secret = ?",
                        cipher.encrypt(user[1]), user[0], user[1]);
            }
        }
        if (encrypted > 0) {
            log.info("encrypted the TOTP secrets of {} users stored in plain text", encrypted);
        }
        return encrypted;
    }

    public Optional<PlatformUser> find(String username) {
        List<PlatformUser> users = jdbc.query("SELECT * FROM platform_user WHERE username = ?", this::map, username);
        return users.stream().findFirst();
    }

    public List<PlatformUser> all() {
        return jdbc.query("SELECT * FROM platform_user ORDER BY username", this::map);
    }

    /** @return false when the user already exists (nothing is changed then) */
    public boolean insertIfAbsent(String username, String passwordHash, List<String> roles, String totpSecret) {
        if (find(username).isPresent()) {
            return false;
        }
        jdbc.update("""
                INSERT INTO platform_user (username, password_hash, roles, enabled, totp_secret, created_at)
                VALUES (?, ?, ?, TRUE, ?, ?)""",
                username, passwordHash, String.join(",", roles), cipher.encrypt(totpSecret), Timestamp.from(Instant.now()));
        return true;
    }

    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE platform_user SET enabled = ? WHERE username = ?", enabled, username) == 1;
    }

    /** Counts a wrong password; locks the user once {@code limit} consecutive failures are reached. */
    public int recordFailedLogin(String username, int limit, Duration lockout, Clock clock) {
        jdbc.update("UPDATE platform_user SET failed_logins = failed_logins + 1 WHERE username = ?", username);
        return lockIfOver("failed_logins", username, limit, lockout, clock);
    }

    /** Counts a wrong or replayed code; locks the user once {@code limit} consecutive failures are reached. */
    public int recordFailedCode(String username, int limit, Duration lockout, Clock clock) {
        jdbc.update("UPDATE platform_user SET failed_codes = failed_codes + 1 WHERE username = ?", username);
        return lockIfOver("failed_codes", username, limit, lockout, clock);
    }

    public void resetFailedLogins(String username) {
        jdbc.update("UPDATE platform_user SET failed_logins = 0 WHERE username = ?", username);
    }

    /**
     * Accepts TOTP step {@code step} only if it is newer than the last accepted one: a code seen once
     * (by us, or by someone looking over a shoulder) can never log in again.
     */
    public boolean acceptCode(String username, long step) {
        return jdbc.update("""
                UPDATE platform_user SET totp_last_step = ?, failed_codes = 0, failed_logins = 0, locked_until = NULL
                WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""",
                step, username, step) == 1;
    }

    /** Enrols a second factor (first verified code of a new secret). */
    public boolean enrol(String username, String totpSecret, long step) {
        return jdbc.update("""
                UPDATE platform_user SET totp_secret = ?, totp_last_step = ?, failed_codes = 0
                WHERE username = ? AND totp_secret IS NULL""", cipher.encrypt(totpSecret), step, username) == 1;
    }

    private int lockIfOver(String column, String username, int limit, Duration lockout, Clock clock) {
        Integer failures = jdbc.queryForObject("SELECT " + column + " FROM platform_user WHERE username = ?",
                Integer.class, username);
        int count = failures == null ? 0 : failures;
        if (count >= limit) {
            jdbc.update("UPDATE platform_user SET locked_until = ?, " + column + " = 0 WHERE username = ?",
                    Timestamp.from(clock.instant().plus(lockout)), username);
        }
        return count;
    }

    private PlatformUser map(ResultSet row, int index) throws SQLException {
        Timestamp locked = row.getTimestamp("locked_until");
        long lastStep = row.getLong("totp_last_step");
        Long step = row.wasNull() ? null : lastStep;
        String roles = row.getString("roles");
        return new PlatformUser(
                row.getString("username"),
                row.getString("password_hash"),
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                row.getBoolean("enabled"),
                cipher.decrypt(row.getString("totp_secret")),
                step,
                row.getInt("failed_logins"),
                row.getInt("failed_codes"),
                locked == null ? null : locked.toInstant());
    }
}
