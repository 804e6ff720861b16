package org.mltrading.query.security;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.mltrading.query.access.AccessAuditRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Flux;
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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates graphql-transport-ws connections from the {@code Authorization} entry of the
 * connection_init payload. A missing or invalid token fails the init, which spring-graphql answers by
 * closing the socket with 4401 (Unauthorized). The token's authority is held to for the life of each
 * subscription ({@link SubscriptionGuard}): once it expires, subscriptions end and new ones are
 * refused; an event of an account the caller may no longer see ends its subscription.
 */
@Component
// outside the shared subscriptions (stream.SharedSubscriptions, innermost): each caller's guard wraps its
// own view of a shared stream, so one caller's expiry or revocation ends only its own subscription
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class WebSocketAuthInterceptor implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthInterceptor.class.getName() + ".authentication";
    private static final String ACTIVE_OPERATIONS = WebSocketAuthInterceptor.class.getName() + ".active";

    private final JwtDecoder jwtDecoder;
    private final JwtAuthenticationConverter converter;
    private final int maxOperationsPerConnection;

    private final ObjectProvider<AccountVisibility> visibility;
    private final Clock clock = Clock.systemUTC();

    public WebSocketAuthInterceptor(JwtDecoder jwtDecoder, JwtAuthenticationConverter apiJwtAuthenticationConverter,
                                    @Value("${platform.graphql.max-subscriptions-per-connection:50}") int maxOperationsPerConnection,
                                    AccessAuditRecorder audit, ObjectProvider<AccountVisibility> visibility) {
        this.audit = audit;
        this.visibility = visibility;
        this.jwtDecoder = jwtDecoder;
        this.converter = apiJwtAuthenticationConverter;
        this.maxOperationsPerConnection = maxOperationsPerConnection;
    }

    private final AccessAuditRecorder audit;

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        String remote = String.valueOf(session.getRemoteAddress());
        if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            audit.denied(null, remote, "AUTH_UNAUTHENTICATED WebSocket connection_init without a bearer token (4401)");
            return Mono.error(new ApiAccessDeniedException("connection_init needs {\"Authorization\": \"Bearer <jwt>\"}"));
        }
        try {
            Authentication authentication = converter.convert(jwtDecoder.decode(value.substring(7).trim()));
            session.getAttributes().put(AUTHENTICATION, authentication);
            return Mono.empty();
        } catch (JwtException e) {
            audit.denied(null, remote, "AUTH_UNAUTHENTICATED WebSocket connection_init with an invalid token (4401): "
                    + e.getMessage());
            return Mono.error(new ApiAccessDeniedException("invalid token"));
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest wsRequest)) {
            // HTTP: the servlet thread holds the caller; hand it to the execution (OperationScopes) explicitly
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller != null) {
                withCaller(request, caller);
            }
            return chain.next(request);
        }
        Authentication authentication = (Authentication) wsRequest.getSessionInfo().getAttributes().get(AUTHENTICATION);
        if (authentication == null) {
            return Mono.error(new ApiAccessDeniedException("not authenticated"));
        }
        // an operation may execute on another thread than this one, outside the holder set below
        withCaller(request, authentication);
        if (SubscriptionGuard.expired(authentication, clock)) {
            audit.denied(authentication, String.valueOf(wsRequest.getSessionInfo().getRemoteAddress()),
                    "AUTH_UNAUTHENTICATED WebSocket operation after the connection's token expired");
            return Mono.just(refused(request, "AUTH_UNAUTHENTICATED",
                    "the connection's token expired; reconnect with a fresh token"));
        }
        AtomicInteger active = (AtomicInteger) wsRequest.getSessionInfo().getAttributes()
                .computeIfAbsent(ACTIVE_OPERATIONS, key -> new AtomicInteger());
        if (active.incrementAndGet() > maxOperationsPerConnection) {
            active.decrementAndGet();
            audit.denied(authentication, String.valueOf(wsRequest.getSessionInfo().getRemoteAddress()),
                    "VALIDATION_TOO_MANY_SUBSCRIPTIONS more than " + maxOperationsPerConnection + " on one connection");
            return Mono.just(refused(request, "VALIDATION_TOO_MANY_SUBSCRIPTIONS", "at most " + maxOperationsPerConnection
                    + " active subscriptions per connection; open another connection or complete some"));
        }
        // Data fetchers read SecurityContextHolder: set it around the call, not only in the Reactor context
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
        try {
            AccountVisibility accounts = visibility.getIfAvailable();
            return chain.next(request).map(response -> releaseWhenDone(response, active, authentication, wsRequest, accounts))
                    .doOnError(error -> active.decrementAndGet());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The GraphQLContext key under which the caller travels with the execution. */
    static final String CALLER = WebSocketAuthInterceptor.class.getName() + ".caller";

    private static void withCaller(WebGraphQlRequest request, Authentication caller) {
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> context.put(CALLER, caller)).build());
    }

    /** A subscription holds its slot until its stream ends; a query or mutation releases it at once. */
    private WebGraphQlResponse releaseWhenDone(WebGraphQlResponse response, AtomicInteger active,
            Authentication authentication, WebGraphQlRequest request, AccountVisibility accounts) {
        Object data = response.getExecutionResult().getData();
        if (data instanceof Publisher<?> stream) {
            Flux<Object> guarded = SubscriptionGuard.guard(stream, authentication, request, accounts, clock);
            return response.transform(builder -> builder.data(guarded.doFinally(signal -> active.decrementAndGet())));
        }
        active.decrementAndGet();
        return response;
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", code)).build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
