package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final AtomicInteger verified = new AtomicInteger();
    /** Stands for the Nimbus decoder: "good-*" tokens valid for 5 minutes from NOW, anything else refused. */
    private final JwtDecoder verifying = token -> {
        verified.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("demo-integrator").issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void a_token_seen_before_is_not_verified_again_until_it_expires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Clock.fixed(NOW, ZoneOffset.UTC));
        decoder.decode("good-1");
        decoder.decode("good-1");
        decoder.decode("good-1");
        assertThat(verified).hasValue(1);
    }

    @Test
    void an_expired_token_goes_back_to_the_verifying_decoder() {
        CachingJwtDecoder early = new CachingJwtDecoder(verifying, 100, Clock.fixed(NOW, ZoneOffset.UTC));
        early.decode("good-1");
        CachingJwtDecoder late = new CachingJwtDecoder(token -> {
            throw new BadJwtException("expired");
        }, 100, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
        assertThatThrownBy(() -> late.decode("good-1")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void a_refused_token_is_refused_every_time_and_never_remembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).hasValue(2);
    }

    @Test
    void at_the_expiry_instant_a_remembered_token_is_verified_again() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);
        decoder.decode("good-1");
        clock.now = NOW.plusSeconds(300);
        decoder.decode("good-1");
        assertThat(verified).hasValue(2);
    }

    @Test
    void the_memory_is_bounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 2, Clock.fixed(NOW, ZoneOffset.UTC));
        decoder.decode("good-1");
        decoder.decode("good-2");
        decoder.decode("good-3");
        decoder.decode("good-1"); // evicted by good-3
        assertThat(verified).hasValue(4);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
