package org.mltrading.auth.user;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts TOTP secrets at rest ({@code platform.auth.totp.*}).
 *
 * @param key     base64 of 32 random bytes (e.g. from a secret manager, {@code AUTH_TOTP_KEY}); wins over the file
 * @param keyFile owner-only file holding that key, created on first start when {@code key} is not set
 */
@ConfigurationProperties("platform.auth.totp")
public record TotpKeyProperties(String key, Path keyFile) {}
