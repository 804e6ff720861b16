package org.mltrading.query.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers decoded, validated tokens: a client sends the same access token with every request, and
 * verifying its RSA signature and claims each time is the largest fixed cost of a cheap query. A
 * token is answered from memory only until its {@code exp}, so an expired token is refused as
 * before (re-decoded, the validators refuse it); refused tokens are never remembered. Bounded (least
 * recently used goes first).
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> decoded;

    CachingJwtDecoder(JwtDecoder delegate, int maxTokens, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.decoded = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > maxTokens;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        synchronized (decoded) {
            Jwt known = decoded.get(token);
            if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
                return known;
            }
            decoded.remove(token);
        }
        Jwt jwt = delegate.decode(token); // throws for a bad or expired token: nothing remembered
        if (jwt.getExpiresAt() != null) {
            synchronized (decoded) {
                decoded.put(token, jwt);
            }
        }
        return jwt;
    }
}
