package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.netflix.graphql.dgs.DgsDefaultPreparsedDocumentProvider;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import reactor.core.publisher.Mono;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * The walking skeleton as an integrator meets it: discovery, client-credentials token, 401 without it,
 * placeOrder, read back, the order on the graphql-transport-ws subscription, and the who/why metadata
 * on the stored event. Everything over real HTTP and WebSocket against the embedded platform.
 */
class PlatformIT {

    private static final String PLACE_ORDER = """
            mutation Place($input: PlaceOrderInput!) {
              placeOrder(input: $input) { id clientOrderId accountId symbol side type quantity limitPrice status placedBy }
            }""";

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
    }

    @Test
    void health_is_anonymous_and_up() {
        HttpResponse<String> health = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/actuator/health")).build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"questdb\"", "\"mongo\"", "\"authServer\"");
    }

    @Test
    void the_issuer_is_discoverable_and_matches_the_auth_url() {
        HttpResponse<String> discovery = platform.send(HttpRequest.newBuilder(
                URI.create(platform.authUrl() + "/.well-known/openid-configuration")).build());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + platform.authUrl() + "\"");
    }

    @Test
    void graphql_without_a_token_is_refused_with_401() {
        assertThat(platform.graphql(null, "{ me { subject } }", null).status()).isEqualTo(401);
        assertThat(platform.graphql("not-a-jwt", "{ me { subject } }", null).status()).isEqualTo(401);
    }

    @Test
    void an_integrator_places_an_order_and_reads_it_back() {
        String token = platform.integratorToken();
        String clientOrderId = "it-" + UUID.randomUUID();

        GraphQlAnswer placed = platform.graphql(token, PLACE_ORDER, Map.of("input", limitOrder(clientOrderId, "demo-account")));

        assertThat(placed.errors()).as("errors of %s", placed.body()).isNull();
        JsonNode order = placed.data().get("placeOrder");
        assertThat(order.get("clientOrderId").asText()).isEqualTo(clientOrderId);
        assertThat(order.get("status").asText()).isEqualTo("WORKING"); // decided in the same commit (ADR 0019)
        assertThat(order.get("quantity").asText()).isEqualTo("5");
        assertThat(order.get("limitPrice").asText()).isEqualTo("101.25");
        assertThat(order.get("placedBy").asText()).isEqualTo("demo-integrator");

        // read-your-writes: the mutation returned, so the order is readable now
        GraphQlAnswer read = platform.graphql(token, "query($id: ID!) { order(id: $id) { id clientOrderId status } }",
                Map.of("id", order.get("id").asText()));
        assertThat(read.data().get("order").get("clientOrderId").asText()).isEqualTo(clientOrderId);
    }

    @Test
    void placing_the_same_client_order_id_again_returns_the_same_order() {
        String token = platform.integratorToken();
        String clientOrderId = "idem-" + UUID.randomUUID();

        String first = platform.graphql(token, PLACE_ORDER, Map.of("input", limitOrder(clientOrderId, "demo-account")))
                .data().get("placeOrder").get("id").asText();
        String second = platform.graphql(token, PLACE_ORDER, Map.of("input", limitOrder(clientOrderId, "demo-account")))
                .data().get("placeOrder").get("id").asText();

        assertThat(second).isEqualTo(first);
        EventStore events = platform.allInOne().platformContext().getBean(EventStore.class);
        // one order: a single OrderPlacedEvent in its stream (risk and venue events follow it)
        assertThat(events.readEvents(first).asStream().filter(e -> e.getPayload() instanceof OrderPlacedEvent).count())
                .isEqualTo(1);
    }

    @Test
    void graphql_documents_are_parsed_once_and_security_filters_are_not_observed_per_request() {
        // both are serving-cost settings in application.yml that once failed silently (ops/bench orders, JFR)
        String token = platform.integratorToken();
        assertThat(platform.graphql(token, "{ instruments { symbol } }", null).errors()).isNull();
        var context = platform.allInOne().platformContext();
        assertThat(context.getBean(PreparsedDocumentProvider.class)).isInstanceOf(DgsDefaultPreparsedDocumentProvider.class);
        assertThat(context.getBean(MeterRegistry.class).getMeters())
                .extracting(meter -> meter.getId().getName())
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void the_stored_event_carries_who_placed_the_order() {
        String token = platform.integratorToken();
        String id = platform.graphql(token, PLACE_ORDER, Map.of("input", limitOrder("meta-" + UUID.randomUUID(), "demo-account")))
                .data().get("placeOrder").get("id").asText();

        EventStore events = platform.allInOne().platformContext().getBean(EventStore.class);
        DomainEventMessage<?> placed = events.readEvents(id).next();

        assertThat(placed.getPayload()).isInstanceOf(OrderPlacedEvent.class);
        assertThat(placed.getMetaData())
                .containsEntry(AuditMetadata.ACTOR, "demo-integrator")
                .containsEntry(AuditMetadata.ACTOR_TYPE, "CLIENT")
                .containsEntry(AuditMetadata.ROLES, "INTEGRATOR")
                .containsKey(AuditMetadata.CORRELATION_ID)
                .containsKey(AuditMetadata.CAUSATION_ID);
    }

    @Test
    void an_integrator_cannot_trade_an_account_it_is_not_entitled_to() {
        GraphQlAnswer refused = platform.graphql(platform.integratorToken(), PLACE_ORDER,
                Map.of("input", limitOrder("deny-" + UUID.randomUUID(), "demo-account-2")));

        assertThat(refused.data() == null || refused.data().isNull()).isTrue();
        assertThat(refused.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(refused.body().toString()).doesNotContain("Exception", "at org.");
    }

    @Test
    void bad_input_gets_a_coded_error_and_no_stack_trace() {
        String token = platform.integratorToken();
        Map<String, Object> input = new java.util.HashMap<>(limitOrder("bad-" + UUID.randomUUID(), "demo-account"));
        input.remove("limitPrice");

        assertThat(platform.graphql(token, PLACE_ORDER, Map.of("input", input)).firstErrorCode())
                .isEqualTo("ORDER_LIMIT_PRICE_REQUIRED");
        input.put("limitPrice", "abc");
        GraphQlAnswer notANumber = platform.graphql(token, PLACE_ORDER, Map.of("input", input));
        assertThat(notANumber.firstErrorCode()).startsWith("VALIDATION_");
        assertThat(platform.graphql(token, "{ nope }", null).firstErrorCode()).isEqualTo("VALIDATION_INVALID_QUERY");
        assertThat(platform.graphql(token, "{ me { ", null).firstErrorCode()).isEqualTo("VALIDATION_INVALID_SYNTAX");
    }

    @Test
    void a_placed_order_arrives_on_the_order_updated_subscription() throws Exception {
        String token = platform.integratorToken();
        WebSocketGraphQlClient client = WebSocketGraphQlClient
                .builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
        String prefix = "sub-" + UUID.randomUUID();
        try {
            CompletableFuture<Map> received = client
                    .document("subscription { orderUpdated(accountId: \"demo-account\") { id clientOrderId status } }")
                    .retrieveSubscription("orderUpdated").toEntity(Map.class)
                    .filter(order -> String.valueOf(order.get("clientOrderId")).startsWith(prefix))
                    .next().toFuture();
            // the subscription is live only once the server has processed "subscribe", which the client
            // does not report: place orders until one arrives (a busy machine can take a while)
            for (int i = 0; i < 20 && !received.isDone(); i++) {
                platform.graphql(token, PLACE_ORDER, Map.of("input", limitOrder(prefix + "-" + i, "demo-account")));
                try {
                    received.get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // next order
                }
            }

            Map order = received.get(20, TimeUnit.SECONDS);
            // a far-away limit: the first change seen is its placement or its acceptance after the risk check
            assertThat(order.get("status")).isIn("PENDING", "WORKING");
        } finally {
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_websocket_without_a_token_is_closed_with_4401() {
        // Reactor Netty reports the close frame's status reliably (java.net.http may report 1006 when the
        // server closes the TCP connection right after its close frame)
        java.util.concurrent.atomic.AtomicReference<org.springframework.web.reactive.socket.CloseStatus> status =
                new java.util.concurrent.atomic.AtomicReference<>();
        org.springframework.web.reactive.socket.WebSocketHandler handler = new org.springframework.web.reactive.socket.WebSocketHandler() {
            @Override
            public java.util.List<String> getSubProtocols() {
                return java.util.List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession session) {
                return session.send(Mono.just(session.textMessage("{\"type\":\"connection_init\",\"payload\":{}}")))
                        .thenMany(session.receive()).then()
                        .then(session.closeStatus().doOnNext(status::set).then());
            }
        };

        // the server sends its 4401 close frame and closes the TCP connection at once; now and then the
        // client sees the connection end before it has read the frame (no status at all). Such an attempt
        // proves nothing either way, so it is repeated; any status that IS seen must be 4401.
        for (int attempt = 0; attempt < 3 && status.get() == null; attempt++) {
            new ReactorNettyWebSocketClient().execute(URI.create(platform.websocketUrl()), handler).block(Duration.ofSeconds(10));
        }

        assertThat(status.get()).as("a close status in one of three connections").isNotNull();
        assertThat(status.get().getCode()).isEqualTo(4401);
    }

    @Test
    void the_ui_asks_anonymous_browsers_to_log_in_through_the_auth_server() {
        HttpResponse<String> page = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/"))
                .header("Accept", "text/html").build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/platform"));
    }

    @Test
    void a_five_megabyte_body_is_refused_with_413() {
        String huge = "{\"query\":\"{ me { subject } }\",\"variables\":{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";
        HttpResponse<String> answer = platform.send(HttpRequest.newBuilder(URI.create(platform.platformUrl() + "/graphql"))
                .header("Authorization", "Bearer " + platform.integratorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    void abusive_documents_are_refused_before_any_resolver_runs() {
        String token = platform.integratorToken();
        String deep = "{ " + "orders(accountId: \"demo-account\") { edges { node { ".repeat(15) + "id" + " } } }".repeat(15) + " }";
        long start = System.nanoTime();
        assertThat(platform.graphql(token, deep, null).firstErrorCode()).startsWith("VALIDATION_");

        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 5_000; i++) {
            aliases.append("a").append(i).append(": me { subject } ");
        }
        GraphQlAnswer aliased = platform.graphql(token, aliases.append('}').toString(), null);
        assertThat(aliased.data() == null || aliased.data().isNull()).isTrue();
        assertThat(aliased.firstErrorCode()).startsWith("VALIDATION_");
        // a generous smoke bound: refusals must not cost real work
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a_browser_page_of_another_origin_cannot_open_the_subscription_socket() throws Exception {
        CompletableFuture<WebSocket> foreign = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://evil.example")
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(platform.websocketUrl()), new WebSocket.Listener() { });
        assertThatThrownBy(() -> foreign.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));

        // the platform's own origin is fine
        WebSocket own = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", platform.platformUrl())
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(platform.websocketUrl()), new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        own.abort();
    }

    private static Map<String, Object> limitOrder(String clientOrderId, String accountId) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("accountId", accountId);
        input.put("clientOrderId", clientOrderId);
        input.put("symbol", "AAPL");
        input.put("side", "BUY");
        input.put("type", "LIMIT");
        input.put("quantity", 5);
        input.put("limitPrice", "101.25");
        input.put("timeInForce", "DAY");
        return input;
    }
}
