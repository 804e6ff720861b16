package org.mltrading.query.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The graphql-transport-ws handler of {@code /subscriptions}, replacing Boot's default one: a frame
 * that is not a JSON message of the protocol closes the connection with 4400 ("Invalid message", as
 * the protocol asks) instead of the 1011 (server error) the default answers when it fails to decode
 * (issue 14, finding 12).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketProtocolConfiguration {

    static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");
    /**
     * The connection's {@link WebSocketSession} among its attributes (which every operation's request
     * shares), so a subscription can close its connection with a code of its own (1013 for a
     * subscriber of a durable stream that cannot keep up).
     */
    public static final String SESSION_ATTRIBUTE = WebSocketProtocolConfiguration.class.getName() + ".session";

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
            ObjectMapper objectMapper) {
        return new StrictGraphQlWebSocketHandler(handler, new MappingJackson2HttpMessageConverter(objectMapper),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive());
    }

    static final class StrictGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

        StrictGraphQlWebSocketHandler(WebGraphQlHandler handler, MappingJackson2HttpMessageConverter converter,
                java.time.Duration initTimeout, java.time.Duration keepAlive) {
            super(handler, converter, initTimeout, keepAlive);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            session.getAttributes().put(SESSION_ATTRIBUTE, session);
            super.afterConnectionEstablished(session);
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            try {
                super.handleTextMessage(session, message);
            } catch (HttpMessageNotReadableException | IllegalArgumentException | ClassCastException e) {
                // not JSON, not an object, an unknown message type, or a payload that is not an object
                // (Spring casts it to a Map): the client broke the protocol
                session.close(INVALID_MESSAGE);
            }
        }
    }
}
