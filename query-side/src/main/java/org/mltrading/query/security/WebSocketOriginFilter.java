package org.mltrading.query.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin, so a handshake from a page of
 * another origin is refused with 403. Clients that send no Origin (integrators' programs) pass; they
 * still authenticate in connection_init.
 */
public class WebSocketOriginFilter extends OncePerRequestFilter {

    private final Set<String> allowedOrigins;

    public WebSocketOriginFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(WebSocketOriginFilter::normalize).toList());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/subscriptions");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || allowedOrigins.contains(normalize(origin)) || sameOrigin(request, origin)) {
            chain.doFilter(request, response);
            return;
        }
        // a plain status, not sendError: an error dispatch would leave this chain and answer 401
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain");
        response.getWriter().write("origin not allowed");
    }

    /** The platform's own pages, whatever host name the browser used to reach it. */
    private static boolean sameOrigin(HttpServletRequest request, String origin) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        String own = (request.isSecure() ? "https://" : "http://") + host;
        return normalize(own).equals(normalize(origin));
    }

    private static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (RuntimeException e) {
            return "invalid:" + origin;
        }
    }
}
