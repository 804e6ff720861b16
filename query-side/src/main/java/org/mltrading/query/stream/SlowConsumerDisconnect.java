package org.mltrading.query.stream;

import graphql.GraphqlErrorBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mltrading.query.graphql.WebSocketProtocolConfiguration;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Closes the connection of a subscriber that cannot keep up with a durable stream with 1013 (Try Again
 * Later), after an {@code error} message with {@code SUBSCRIPTION_TOO_SLOW} for the subscription (sent
 * if the client still reads). The close runs off the thread that announced the change: a send to that
 * client may be blocked, and so may the close.
 */
@Component
class SlowConsumerDisconnect implements WebGraphQlInterceptor {

    static final CloseStatus TOO_SLOW = new CloseStatus(SlowConsumerException.CLOSE_CODE,
            "Too slow: resume after your last cursor");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
                return response;
            }
            Flux<Object> guarded = Flux.<Object>from(stream).onErrorResume(SlowConsumerException.class, slow -> {
                close(webSocket);
                return Mono.error(new SubscriptionPublisherException(List.of(GraphqlErrorBuilder.newError()
                        .message(slow.getMessage()).extensions(Map.of("code", "SUBSCRIPTION_TOO_SLOW")).build()), slow));
            });
            return response.transform(builder -> builder.data(guarded));
        });
    }

    private static void close(WebSocketGraphQlRequest request) {
        if (request.getSessionInfo().getAttributes().get(WebSocketProtocolConfiguration.SESSION_ATTRIBUTE)
                instanceof WebSocketSession session) {
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    session.close(TOO_SLOW);
                } catch (IOException | RuntimeException e) {
                    // the connection is gone already: the client reconnects either way
                }
            });
        }
    }
}
