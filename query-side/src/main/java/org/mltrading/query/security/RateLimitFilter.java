package org.mltrading.query.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limit of the API (token bucket per JWT subject, Bucket4j): over the limit a request
 * gets 429 with Retry-After in whole seconds. Anonymous requests are not counted here; they are
 * refused with 401 anyway. Buckets live in this instance's memory (per-instance limits when scaled out).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final com.github.benmanes.caffeine.cache.Cache<String, Bucket> buckets;
    private final long perSecond;
    private final long burst;

    public RateLimitFilter(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, perSecond);
        this.buckets = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(authentication.getName(), subject -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType("application/json");
        response.getWriter().write("{\"errors\":[{\"message\":\"rate limit exceeded; retry after " + retryAfter
                + " s\",\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}");
    }
}
