package org.mltrading.auth.login;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s — what every authenticator app uses). Unlike the library's
 * own verifier this returns WHICH time step matched, so the caller can refuse a step already used.
 */
@Component
public class TotpCodes {

    static final int PERIOD_SECONDS = 30;
    /** One step either side: tolerates 30 s of clock drift between phone and server. */
    static final int ALLOWED_DRIFT_STEPS = 1;

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final Clock clock;

    public TotpCodes(Clock authClock) {
        this.clock = authClock;
    }

    /** The time step whose code equals {@code code}, if any within the allowed drift. */
    public OptionalLong matchingStep(String secret, String code) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
            if (constantTimeEquals(codeAt(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    public String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("the stored TOTP secret is not valid base32", e);
        }
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
