package org.mltrading.auth.secret;

import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Configured passwords and client secrets, which may arrive encoded or raw. */
public final class Secrets {

    // DelegatingPasswordEncoder's "{id}hash" form, e.g. {bcrypt}$2a$10$...
    private static final Pattern ENCODED = Pattern.compile("^\\{[A-Za-z0-9_.-]+}.+");

    private Secrets() {}

    /**
     * Returns {@code configured} as is when already in {@code {id}hash} form, else encodes it now, so
     * a secret handed over raw (e.g. {@code PLATFORM_UI_CLIENT_SECRET}) is never kept in plain text.
     */
    public static String encodedForStorage(PasswordEncoder encoder, String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("a configured password or client secret is empty");
        }
        return ENCODED.matcher(configured).matches() ? configured : encoder.encode(configured);
    }
}
