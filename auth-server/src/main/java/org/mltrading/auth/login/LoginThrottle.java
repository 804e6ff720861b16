package org.mltrading.auth.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.user.UserProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords slow down their source, not the user they name (issue 14, finding 5): a per-user
 * lock let anyone keep the risk officer out. Each source address has {@code maxFailures} free wrong
 * passwords; after that every further one makes it wait {@code 1 s, 2 s, 4 s, …} up to
 * {@code lockout} before its next attempt is even checked. An attempt inside the wait is answered
 * exactly like a wrong password ({@code /login?error}), so it tells nothing about the user either. A
 * right password from the source clears its count. Per auth-server instance, in memory.
 *
 * <p>Not a servlet filter bean itself (Boot would register it for every path outside the security
 * chain): {@link #filter()} is added to the login chain in front of the form login.
 */
@Component
public class LoginThrottle {

    /** Sources remembered at most; beyond it, entries idle for longer than {@code lockout} are dropped. */
    private static final int MAX_SOURCES = 100_000;

    private record Source(int failures, Instant lastFailure, Instant nextAttempt) {}

    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final UserProperties policy;
    private final AccessAuditLog audit;
    private final Clock clock;

    public LoginThrottle(UserProperties policy, AccessAuditLog audit, Clock authClock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = authClock;
    }

    /** Refuses a password POST from a source that must still wait, before the password is checked. */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String source = request.getRemoteAddr();
                Source known = sources.get(source);
                if (known != null && clock.instant().isBefore(known.nextAttempt())) {
                    audit.record("LOGIN_THROTTLED", "DENIED", request.getParameter("username"), null, source,
                            known.failures() + " wrong passwords from this source; next attempt at " + known.nextAttempt());
                    response.sendRedirect(request.getContextPath() + "/login?error");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A wrong password (or a refused user) from {@code source}; answers the failures counted so far. */
    public int failed(String source) {
        Instant now = clock.instant();
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(entry -> entry.lastFailure().plus(policy.lockout()).isBefore(now));
        }
        return sources.compute(source, (key, previous) -> {
            int failures = previous == null || previous.lastFailure().plus(policy.lockout()).isBefore(now)
                    ? 1 : previous.failures() + 1;
            return new Source(failures, now, now.plus(wait(failures)));
        }).failures();
    }

    public void succeeded(String source) {
        sources.remove(source);
    }

    private Duration wait(int failures) {
        int over = failures - policy.maxFailures(); // the first wrong password over the allowance waits 1 s
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(over - 1, 20));
        return wait.compareTo(policy.lockout()) > 0 ? policy.lockout() : wait;
    }
}
