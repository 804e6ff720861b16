package org.mltrading.ui.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.client.WebSocketDisconnectedException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The UI's only way to the platform: GraphQL over HTTP (queries, mutations) and over WebSocket
 * (graphql-transport-ws subscriptions), always with the caller's bearer token. Feature clients
 * ({@code OrderClient}, …) build the documents; this class owns transport, auth and error mapping.
 */
@Component
public class PlatformGraphQlClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    private static final int SUBSCRIPTION_RETRIES = 5;
    /** graphql-transport-ws close code for a missing or refused token. */
    private static final int CLOSE_UNAUTHORIZED = 4401;

    private final GraphQlEndpoints endpoints;
    private final RestClient restClient;
    private final WebSocketClient webSocketClient = new ReactorNettyWebSocketClient();

    public PlatformGraphQlClient(GraphQlEndpoints endpoints, ObjectProvider<RestClient.Builder> restClients) {
        this.endpoints = endpoints;
        var requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        requestFactory.setReadTimeout(READ_TIMEOUT);
        // Boot's builder carries Boot's Jackson setup (java.time, lenient unknown properties)
        this.restClient = restClients.getIfAvailable(RestClient::builder)
                .requestFactory(requestFactory)
                .build();
    }

    /** Runs a query or mutation and decodes the list at {@code path} (e.g. "orders.edges"). */
    public <T> List<T> queryList(String bearerToken, String document, Map<String, Object> variables,
                                 String path, Class<T> type) {
        ClientGraphQlResponse response = execute(bearerToken, document, variables);
        return decode(() -> response.field(path).toEntityList(type), response);
    }

    /** Runs a query or mutation and decodes the value at {@code path}; null if the field is null. */
    public <T> T query(String bearerToken, String document, Map<String, Object> variables,
                       String path, Class<T> type) {
        ClientGraphQlResponse response = execute(bearerToken, document, variables);
        return decode(() -> {
            var field = response.field(path);
            if (field.getValue() == null) {
                // a field that failed is null too: its errors (e.g. ORDER_INVALID_QUANTITY) must reach
                // the caller as a refusal, not as a null the caller takes for "nothing there"
                if (!field.getErrors().isEmpty() || (!response.isValid() && !response.getErrors().isEmpty())) {
                    throw rejected(field.getErrors().isEmpty() ? response.getErrors() : field.getErrors(), null);
                }
                return null;
            }
            return field.toEntity(type);
        }, response);
    }

    /**
     * A subscription over its own WebSocket connection, authenticated in {@code connection_init};
     * the connection is closed when the subscriber cancels. {@code bearerToken} is asked again on
     * every (re)connect, so a refreshed token is used; a dropped connection is retried a few times
     * with backoff before the error reaches the subscriber.
     */
    public <T> Flux<T> subscribe(Supplier<String> bearerToken, String document, Map<String, Object> variables,
                                 String path, Class<T> type) {
        URI url = endpoints.webSocketUrl();
        Flux<T> once = Flux.using(
                () -> subscriptionClient(url, bearerToken.get(), webSocketClient),
                client -> client.document(document).variables(variables).retrieveSubscription(path).toEntity(type),
                client -> client.stop().subscribe());
        return once
                .retryWhen(Retry.backoff(SUBSCRIPTION_RETRIES, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(10))
                        .filter(PlatformGraphQlClient::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(error -> !(error instanceof GraphQlApiException)
                        && !(error instanceof AccessTokens.NotLoggedInException), PlatformGraphQlClient::translate);
    }

    /**
     * One WebSocket connection for several subscriptions of one view (graphql-transport-ws multiplexes
     * them), instead of a connection per subscription: the desk's four streams share it. The token is
     * asked again whenever the connection is (re)established. Close it when the view goes away.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper CHANNEL_JSON =
            org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json().build();
    private static final org.springframework.http.codec.json.Jackson2JsonEncoder SHARED_JSON_ENCODER =
            new org.springframework.http.codec.json.Jackson2JsonEncoder(CHANNEL_JSON);
    private static final org.springframework.http.codec.json.Jackson2JsonDecoder SHARED_JSON_DECODER =
            new org.springframework.http.codec.json.Jackson2JsonDecoder(CHANNEL_JSON);

    public SubscriptionChannel openChannel(Supplier<String> bearerToken) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(endpoints.webSocketUrl(), webSocketClient)
                .interceptor(new FreshTokenConnectionInit(bearerToken))
                .keepAlive(Duration.ofSeconds(30))
                // one JSON codec pair for every desk: the defaults build two ObjectMappers per channel, whose
                // caches then fill with the same (de)serialisers in every session (issue 16, desk memory)
                .codecConfigurer(codecs -> {
                    codecs.defaultCodecs().jackson2JsonEncoder(SHARED_JSON_ENCODER);
                    codecs.defaultCodecs().jackson2JsonDecoder(SHARED_JSON_DECODER);
                })
                .build();
        return new SubscriptionChannel(client);
    }

    /** Retries a dropped subscription a few times with backoff, then maps the failure for the user. */
    static <T> Flux<T> resilient(Flux<T> subscription) {
        return subscription
                .retryWhen(Retry.backoff(SUBSCRIPTION_RETRIES, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(10))
                        .filter(PlatformGraphQlClient::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(error -> !(error instanceof GraphQlApiException)
                        && !(error instanceof AccessTokens.NotLoggedInException), PlatformGraphQlClient::translate);
    }

    /** Like {@link BearerTokenConnectionInit}, but takes a fresh token on every connection_init. */
    record FreshTokenConnectionInit(Supplier<String> bearerToken) implements WebSocketGraphQlClientInterceptor {
        @Override
        public Mono<Object> connectionInitPayload() {
            return Mono.fromSupplier(() -> Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken.get()));
        }

        @Override
        public String toString() {
            return "FreshTokenConnectionInit[token hidden]";
        }
    }

    /**
     * The WebSocket client of one subscription. Browsers cannot send headers on a WebSocket, so the
     * platform (graphql-transport-ws) takes the token from the {@code connection_init} payload:
     * {@code {"Authorization": "Bearer <jwt>"}} (ARCHITECTURE.md, errors and transport).
     */
    static WebSocketGraphQlClient subscriptionClient(URI url, String bearerToken, WebSocketClient transport) {
        return WebSocketGraphQlClient.builder(url, transport)
                .interceptor(new BearerTokenConnectionInit(bearerToken))
                .keepAlive(Duration.ofSeconds(30))
                .build();
    }

    /** Puts {@code {"Authorization": "Bearer <jwt>"}} into the {@code connection_init} message. */
    record BearerTokenConnectionInit(String bearerToken) implements WebSocketGraphQlClientInterceptor {
        @Override
        public Mono<Object> connectionInitPayload() {
            return Mono.just(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken));
        }

        @Override
        public String toString() {
            return "BearerTokenConnectionInit[token hidden]";
        }
    }

    private ClientGraphQlResponse execute(String bearerToken, String document, Map<String, Object> variables) {
        HttpSyncGraphQlClient client = HttpSyncGraphQlClient.builder(restClient)
                .url(endpoints.httpUrl())
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .build();
        try {
            return client.document(document).variables(variables).executeSync();
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    private static <T> T decode(Supplier<T> decoding, ClientGraphQlResponse response) {
        try {
            return decoding.get();
        } catch (FieldAccessException | IllegalStateException invalid) {
            throw rejected(response.getErrors(), invalid);
        }
    }

    private static GraphQlApiException rejected(List<ResponseError> errors, Throwable cause) {
        if (errors.isEmpty()) {
            return new GraphQlApiException(GraphQlApiException.Kind.REJECTED, "No data in the response", cause);
        }
        ResponseError first = errors.get(0);
        Object code = first.getExtensions().get("code");
        return new GraphQlApiException(GraphQlApiException.Kind.REJECTED,
                code == null ? null : code.toString(), first.getMessage(), cause);
    }

    static GraphQlApiException translate(Throwable failure) {
        if (failure instanceof GraphQlApiException known) {
            return known;
        }
        if (failure instanceof FieldAccessException fieldError) {
            return rejected(fieldError.getResponse().getErrors(), fieldError);
        }
        HttpStatusCodeException status = find(failure, HttpStatusCodeException.class);
        if (status != null && (status.getStatusCode().value() == 401 || status.getStatusCode().value() == 403)) {
            return new GraphQlApiException(GraphQlApiException.Kind.UNAUTHORIZED, status.getMessage(), failure);
        }
        WebSocketDisconnectedException closed = find(failure, WebSocketDisconnectedException.class);
        if (closed != null && closed.getCloseStatus().getCode() == CLOSE_UNAUTHORIZED) {
            return new GraphQlApiException(GraphQlApiException.Kind.UNAUTHORIZED, closed.getMessage(), failure);
        }
        if (failure instanceof org.springframework.graphql.client.SubscriptionErrorException subscriptionError) {
            return rejected(subscriptionError.getErrors(), subscriptionError);
        }
        return new GraphQlApiException(GraphQlApiException.Kind.UNREACHABLE, String.valueOf(failure.getMessage()), failure);
    }

    private static boolean isTransient(Throwable failure) {
        // GraphQL errors and refused tokens do not heal by reconnecting; dropped connections may
        WebSocketDisconnectedException closed = find(failure, WebSocketDisconnectedException.class);
        if (closed != null && closed.getCloseStatus().getCode() == CLOSE_UNAUTHORIZED) {
            return false;
        }
        return !(failure instanceof org.springframework.graphql.client.SubscriptionErrorException)
                && !(failure instanceof GraphQlApiException)
                && (failure instanceof GraphQlTransportException || failure instanceof java.io.IOException
                    || failure instanceof RestClientException
                    || failure.getCause() instanceof java.io.IOException);
    }

    private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
