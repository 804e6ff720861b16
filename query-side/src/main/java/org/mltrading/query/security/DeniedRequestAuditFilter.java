package org.mltrading.query.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mltrading.query.access.AccessAuditRecorder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of the API chain: records every request it refuses at the HTTP level — 401 (missing,
 * forged or expired token), 403 (foreign browser origin, missing role), 413 (body too large) and 429
 * (rate limit) — in the access audit. GraphQL-level refusals are recorded by the error interceptor.
 */
class DeniedRequestAuditFilter extends OncePerRequestFilter {

    /** Set by the 401 entry point: why the token was not accepted (never the token itself). */
    static final String REASON = DeniedRequestAuditFilter.class.getName() + ".reason";

    private final AccessAuditRecorder audit;

    DeniedRequestAuditFilter(AccessAuditRecorder audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 413 || status == 429) {
                Object reason = request.getAttribute(REASON);
                audit.denied(request.getRemoteAddr(), "HTTP " + status + " " + codeOf(status) + " "
                        + request.getMethod() + " " + request.getRequestURI() + (reason == null ? "" : ": " + reason));
            }
        }
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "AUTH_UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 413 -> "VALIDATION_REQUEST_TOO_LARGE";
            default -> "RATE_LIMITED";
        };
    }
}
