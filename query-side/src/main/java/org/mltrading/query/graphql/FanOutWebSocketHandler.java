package org.mltrading.query.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The graphql-transport-ws endpoint {@code /subscriptions}, with the protocol of Spring's handler (same
 * messages, same close codes) but a send path built for fan-out (issue 16 item 2):
 * <ul>
 *   <li><b>No thread per connection.</b> Spring's handler gives every connection a thread of its own that
 *       blocks in each send. Here a connection keeps an outbox and sends one frame at a time with the
 *       container's asynchronous send; the next frame goes out from its completion. Threads are the
 *       container's (a bounded pool), whatever the number of connections.</li>
 *   <li><b>Each subscription has at most {@link #IN_FLIGHT} messages in flight.</b> It asks its stream
 *       for the next event only as one is written, so a slow client is conflated upstream (market data:
 *       one latest-value slot) or, for durable streams, falls behind into their bounded buffer and is
 *       closed with 1013. A connection whose frame is not written within the send timeout is closed
 *       with 1013 too. Nothing waits for a slow client.</li>
 *   <li><b>Serialised once.</b> The payload of a {@code next} message is written to JSON once per
 *       execution result, then reused by every subscription that shares it (see
 *       {@code stream.SharedSubscriptions}); only the envelope with the subscription's id is per
 *       subscriber.</li>
 * </ul>
 * A frame that is not a JSON message of the protocol closes the connection with 4400 (issue 14).
 */
public class FanOutWebSocketHandler extends GraphQlWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FanOutWebSocketHandler.class);

    static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
    static final CloseStatus INIT_TIMEOUT = new CloseStatus(4408, "Connection initialisation timeout");
    static final CloseStatus TOO_MANY_INITS = new CloseStatus(4429, "Too many initialisation requests");
    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "Too slow: the client does not read its messages");
    /**
     * Messages of one subscription written or waiting to be: a few, so a connection writes back to back
     * instead of waiting a round trip per message; beyond them the stream conflates or buffers upstream.
     */
    static final int IN_FLIGHT = 2;
    /** Frames waiting for one connection: at most IN_FLIGHT per subscription, so only a flood of pings gets here. */
    static final int MAX_OUTBOX = 1_000;

    private final WebGraphQlHandler graphQlHandler;
    private final WebSocketGraphQlInterceptor interceptor;
    private final ObjectMapper json;
    private final Duration initTimeout;
    private final Duration keepAlive;
    private final long sendTimeoutMillis;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** Start the writes of connections that were idle (a bounded pool, whatever the number of connections). */
    private final ExecutorService senders;
    /** Payload JSON by execution result (identity, weak): one serialisation per shared event. */
    private final Cache<ExecutionResult, String> payloads = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    public FanOutWebSocketHandler(WebGraphQlHandler graphQlHandler, ObjectMapper json, Duration initTimeout,
                                  Duration keepAlive, Duration sendTimeout, int senderThreads) {
        super(graphQlHandler, new MappingJackson2HttpMessageConverter(json), initTimeout, keepAlive);
        this.graphQlHandler = graphQlHandler;
        this.interceptor = graphQlHandler.getWebSocketInterceptor();
        this.json = json;
        this.initTimeout = initTimeout;
        this.keepAlive = keepAlive;
        this.sendTimeoutMillis = sendTimeout.toMillis();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, senderThreads), runnable -> {
            Thread thread = new Thread(runnable, "websocket-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(WebSocketProtocolConfiguration.SESSION_ATTRIBUTE, session);
        if ("graphql-ws".equalsIgnoreCase(session.getAcceptedProtocol())) {
            close(session, INVALID_MESSAGE); // the retired subscriptions-transport-ws protocol
            return;
        }
        Connection connection = new Connection(session);
        connections.put(session.getId(), connection);
        connection.initTimer = Mono.delay(initTimeout).subscribe(tick -> {
            if (connection.initialised.compareAndSet(false, true)) {
                close(session, INIT_TIMEOUT);
            }
        });
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage text) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        GraphQlWebSocketMessage message;
        GraphQlWebSocketMessageType type;
        try {
            message = json.readValue(text.asBytes(), GraphQlWebSocketMessage.class);
            type = message.resolvedType();
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            close(session, INVALID_MESSAGE); // not JSON, not an object, an unknown type, a payload that is not an object
            return;
        }
        Map<String, Object> payload;
        try {
            payload = message.getPayload();
        } catch (ClassCastException e) {
            close(session, INVALID_MESSAGE);
            return;
        }
        String id = message.getId();
        switch (type) {
            case CONNECTION_INIT -> initialise(connection, payload);
            case SUBSCRIBE -> {
                if (connection.initPayload == null) {
                    close(session, UNAUTHORIZED);
                } else if (id == null) {
                    close(session, INVALID_MESSAGE);
                } else {
                    execute(connection, id, payload);
                }
            }
            case PING -> connection.send(encode(GraphQlWebSocketMessage.pong(null)), null);
            case PONG -> {
            }
            case COMPLETE -> {
                if (id != null) {
                    OperationSender operation = connection.operations.remove(id);
                    if (operation != null) {
                        operation.cancel();
                    }
                    interceptor.handleCancelledSubscription(connection.info, id).block(Duration.ofSeconds(10));
                }
            }
            default -> close(session, INVALID_MESSAGE);
        }
    }

    private void initialise(Connection connection, Map<String, Object> payload) {
        if (!connection.initialised.compareAndSet(false, true)) {
            close(connection.session, TOO_MANY_INITS);
            return;
        }
        connection.initTimer.dispose();
        Map<String, Object> given = payload == null ? Collections.emptyMap() : payload;
        interceptor.handleConnectionInitialization(connection.info, given)
                .defaultIfEmpty(Collections.emptyMap())
                .doOnNext(ack -> {
                    connection.initPayload = given;
                    connection.send(encode(GraphQlWebSocketMessage.connectionAck(ack)), null);
                })
                .onErrorResume(error -> {
                    close(connection.session, UNAUTHORIZED);
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(10));
        if (connection.initPayload != null && keepAlive != null) {
            String ping = encode(GraphQlWebSocketMessage.ping(null));
            connection.keepAlive = Flux.interval(keepAlive, keepAlive).subscribe(tick -> connection.send(ping, null));
        }
    }

    private void execute(Connection connection, String id, Map<String, Object> payload) {
        WebSocketSession session = connection.session;
        WebSocketGraphQlRequest request = new WebSocketGraphQlRequest(session.getUri(), session.getHandshakeHeaders(),
                null, session.getRemoteAddress(), session.getAttributes(), payload, id, null, connection.info);
        OperationSender operation = new OperationSender(connection, id);
        if (connection.operations.putIfAbsent(id, operation) != null) {
            close(session, new CloseStatus(4409, "Subscriber for " + id + " already exists"));
            return;
        }
        graphQlHandler.handleRequest(request).subscribe(response -> operation.start(response), error -> {
            connection.operations.remove(id, operation);
            log.error("GraphQL request {} on a WebSocket failed", id, error);
            close(session, CloseStatus.SERVER_ERROR);
        });
    }

    /** One operation of a connection: its events, one at a time, then complete or error. */
    private final class OperationSender extends BaseSubscriber<ExecutionResult> {

        private final Connection connection;
        private final String id;
        /** The start of this subscription's next messages, up to the payload: written once. */
        private final String nextPrefix;

        OperationSender(Connection connection, String id) {
            this.connection = connection;
            this.id = id;
            this.nextPrefix = "{\"id\":" + write(id) + ",\"type\":\"next\",\"payload\":";
        }

        @SuppressWarnings("unchecked")
        void start(WebGraphQlResponse response) {
            if (response.getExecutionResult().getData() instanceof Publisher<?> events) {
                Flux.from((Publisher<ExecutionResult>) events).subscribe(this);
            } else {
                // a query or mutation over the socket, or an operation refused before it ran
                connection.send(envelope(id, "next", write(response.toMap())), null);
                finish(encode(GraphQlWebSocketMessage.complete(id)));
            }
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(IN_FLIGHT);
        }

        @Override
        protected void hookOnNext(ExecutionResult result) {
            String payload = payloads.get(result, value -> write(value.toSpecification()));
            connection.send(nextPrefix + payload + "}", () -> request(1));
        }

        @Override
        protected void hookOnComplete() {
            finish(encode(GraphQlWebSocketMessage.complete(id)));
        }

        @Override
        protected void hookOnError(Throwable error) {
            List<GraphQLError> errors;
            if (error instanceof SubscriptionPublisherException published) {
                errors = published.getErrors();
            } else {
                log.error("Unresolved {} for subscription {}", error.getClass().getSimpleName(), id, error);
                errors = List.of(GraphqlErrorBuilder.newError().message("Subscription error")
                        .errorType(org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR).build());
            }
            finish(encode(GraphQlWebSocketMessage.error(id, errors)));
        }

        private void finish(String last) {
            if (connection.operations.remove(id, this)) {
                connection.send(last, null);
            }
        }
    }

    private String envelope(String id, String type, String payloadJson) {
        return "{\"id\":" + write(id) + ",\"type\":\"" + type + "\",\"payload\":" + payloadJson + "}";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a GraphQL result as JSON", e);
        }
    }

    private String encode(GraphQlWebSocketMessage message) {
        return write(message);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection == null) {
            return;
        }
        connection.closed = true;
        connection.initTimer.dispose();
        if (connection.keepAlive != null) {
            connection.keepAlive.dispose();
        }
        connection.operations.values().forEach(BaseSubscriber::cancel);
        connection.operations.clear();
        if (connection.initPayload != null) {
            interceptor.handleConnectionClosed(connection.info, status.getCode(), connection.initPayload);
        }
    }

    static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing a WebSocket with {} failed: {}", status, e.toString());
        }
    }

    /** A connection: its protocol state, its operations and its outbox. */
    private final class Connection {

        private final WebSocketSession session;
        private final SessionInfo info;
        private final AtomicBoolean initialised = new AtomicBoolean();
        private final Map<String, OperationSender> operations = new ConcurrentHashMap<>();
        private final ArrayDeque<Frame> outbox = new ArrayDeque<>();
        private volatile Map<String, Object> initPayload;
        private volatile Disposable initTimer = () -> { };
        private volatile Disposable keepAlive;
        private volatile boolean closed;
        /** A frame is being written (guarded by outbox). */
        private boolean sending;

        Connection(WebSocketSession session) {
            this.session = session;
            this.info = new SessionInfo(session);
        }

        /** Queues a frame; {@code afterSent} runs once it is written (not if the connection fails). */
        void send(String frame, Runnable afterSent) {
            synchronized (outbox) {
                if (closed) {
                    return;
                }
                if (outbox.size() >= MAX_OUTBOX) {
                    closed = true;
                    close(session, TOO_SLOW);
                    return;
                }
                outbox.add(new Frame(frame, afterSent));
                if (sending) {
                    return;
                }
                sending = true;
            }
            // the caller may be fanning one event out to thousands of connections: the writes (a system
            // call each) are spread over the sender threads instead of running one after the other here
            senders.execute(this::next);
        }

        /** Writes the next frame; its completion writes the one after. */
        private void next() {
            Frame frame;
            synchronized (outbox) {
                frame = outbox.poll();
                if (frame == null || closed) {
                    sending = false;
                    return;
                }
            }
            if (session instanceof StandardWebSocketSession standard && session.isOpen()) {
                jakarta.websocket.Session nativeSession = standard.getNativeSession(jakarta.websocket.Session.class);
                jakarta.websocket.RemoteEndpoint.Async remote = nativeSession.getAsyncRemote();
                remote.setSendTimeout(sendTimeoutMillis);
                try {
                    remote.sendText(frame.text(), result -> sent(frame, result.isOK() ? null : result.getException()));
                } catch (RuntimeException e) {
                    sent(frame, e);
                }
            } else {
                try {
                    session.sendMessage(new TextMessage(frame.text()));
                    sent(frame, null);
                } catch (IOException | RuntimeException e) {
                    sent(frame, e);
                }
            }
        }

        private void sent(Frame frame, Throwable failure) {
            if (failure != null) {
                synchronized (outbox) {
                    closed = true;
                    outbox.clear();
                    sending = false;
                }
                log.debug("WebSocket {}: a frame was not written ({}); closing", session.getId(), failure.toString());
                close(session, TOO_SLOW);
                return;
            }
            if (frame.afterSent() != null) {
                frame.afterSent().run();
            }
            next();
        }
    }

    private record Frame(String text, Runnable afterSent) {
    }

    /** What the interceptors see of a connection. */
    private static final class SessionInfo implements WebSocketSessionInfo {

        private final WebSocketSession session;

        SessionInfo(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return session.getAttributes();
        }

        @Override
        public URI getUri() {
            return session.getUri();
        }

        @Override
        public HttpHeaders getHeaders() {
            return session.getHandshakeHeaders();
        }

        @Override
        public Mono<Principal> getPrincipal() {
            return Mono.justOrEmpty(session.getPrincipal());
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return session.getRemoteAddress();
        }
    }
}
