package org.mltrading.query.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.socket.WebSocketSession;

/**
 * The graphql-transport-ws handler of {@code /subscriptions}, replacing Boot's default one
 * ({@link FanOutWebSocketHandler}): the same protocol and close codes — and a frame that is not a JSON
 * message of the protocol closes the connection with 4400 ("Invalid message", as the protocol asks)
 * instead of the 1011 the default answers when it fails to decode (issue 14, finding 12) — with a send
 * path that needs no thread per connection and serialises a shared event once (issue 16).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketProtocolConfiguration {

    /**
     * The connection's {@link WebSocketSession} among its attributes (which every operation's request
     * shares), so a subscription can close its connection with a code of its own (1013 for a
     * subscriber of a durable stream that cannot keep up).
     */
    public static final String SESSION_ATTRIBUTE = WebSocketProtocolConfiguration.class.getName() + ".session";

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
            ObjectMapper objectMapper,
            @Value("${platform.graphql.websocket.send-timeout:10s}") Duration sendTimeout,
            @Value("${platform.graphql.websocket.sender-threads:0}") int senderThreads) {
        return new FanOutWebSocketHandler(handler, objectMapper, properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(), sendTimeout,
                senderThreads > 0 ? senderThreads : Runtime.getRuntime().availableProcessors());
    }
}
