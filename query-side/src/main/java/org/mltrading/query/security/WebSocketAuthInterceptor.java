package org.mltrading.query.security;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates graphql-transport-ws connections from the {@code Authorization} entry of the
 * connection_init payload. A missing or invalid token fails the init, which spring-graphql answers by
 * closing the socket with 4401 (Unauthorized).
 */
@Component
public class WebSocketAuthInterceptor implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthInterceptor.class.getName() + ".authentication";

    private final JwtDecoder jwtDecoder;
    private final JwtAuthenticationConverter converter;

    public WebSocketAuthInterceptor(JwtDecoder jwtDecoder, JwtAuthenticationConverter apiJwtAuthenticationConverter) {
        this.jwtDecoder = jwtDecoder;
        this.converter = apiJwtAuthenticationConverter;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(new ApiAccessDeniedException("connection_init needs {\"Authorization\": \"Bearer <jwt>\"}"));
        }
        try {
            Authentication authentication = converter.convert(jwtDecoder.decode(value.substring(7).trim()));
            session.getAttributes().put(AUTHENTICATION, authentication);
            return Mono.empty();
        } catch (JwtException e) {
            return Mono.error(new ApiAccessDeniedException("invalid token"));
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest wsRequest)) {
            return chain.next(request);
        }
        Authentication authentication = (Authentication) wsRequest.getSessionInfo().getAttributes().get(AUTHENTICATION);
        if (authentication == null) {
            return Mono.error(new ApiAccessDeniedException("not authenticated"));
        }
        // Data fetchers read SecurityContextHolder: set it around the call, not only in the Reactor context
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
        try {
            return chain.next(request);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
