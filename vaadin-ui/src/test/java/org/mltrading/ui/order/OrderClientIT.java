package org.mltrading.ui.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.graphql.GraphQlEndpoints;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The order client against a tiny stand-in of the platform's GraphQL endpoints (HTTP and
 * graphql-transport-ws over a real socket), checking what goes over the wire.
 */
class OrderClientIT {

    private static final String ORDER_JSON = """
            {"id":"o-1","clientOrderId":"ui-it-1","accountId":"demo-account","symbol":"AAPL","side":"BUY",
             "type":"LIMIT","quantity":"10","limitPrice":"187.25","status":"WORKING",
             "placedAt":"2026-11-25T10:00:00.123Z","updatedAt":"2026-11-25T10:00:01Z"}""";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
    private final List<JsonNode> connectionInitPayloads = new CopyOnWriteArrayList<>();
    private volatile String httpResponse = "{\"data\":{\"orders\":{\"edges\":[{\"node\":" + ORDER_JSON + "}]}}}";
    private DisposableServer platform;
    private OrderClient client;

    @BeforeEach
    void startTheStandInPlatform() {
        platform = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/graphql", (request, response) -> {
                            authorizationHeaders.add(String.valueOf(request.requestHeaders().get("Authorization")));
                            return request.receive().aggregate().asString().then(
                                    response.header("Content-Type", "application/json")
                                            .sendString(Mono.fromSupplier(() -> httpResponse)).then());
                        })
                        .ws("/subscriptions", (in, out) -> out.sendString(in.receiveFrames()
                                        .map(frame -> frame.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                                        .concatMap(this::answer)),
                                WebsocketServerSpec.builder().protocols("graphql-transport-ws").build()))
                .bindNow();
        client = clientFor("http://127.0.0.1:" + platform.port() + "/graphql");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("trader", null, "ROLE_TRADER"));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        platform.disposeNow();
    }

    private Flux<String> answer(String message) {
        try {
            JsonNode node = json.readTree(message);
            switch (node.path("type").asText()) {
                case "connection_init":
                    connectionInitPayloads.add(node.path("payload"));
                    return Flux.just("{\"type\":\"connection_ack\"}");
                case "subscribe":
                    String id = node.path("id").asText();
                    String updated = ORDER_JSON.replace("\"WORKING\"", "\"FILLED\"");
                    return Flux.just("{\"id\":\"" + id + "\",\"type\":\"next\",\"payload\":{\"data\":{\"orderUpdated\":"
                            + updated + "}}}", "{\"id\":\"" + id + "\",\"type\":\"complete\"}");
                case "ping":
                    return Flux.just("{\"type\":\"pong\"}");
                default:
                    return Flux.empty();
            }
        } catch (Exception e) {
            return Flux.error(e);
        }
    }

    private static OrderClient clientFor(String graphQlUrl) {
        AccessTokens tokens = mock(AccessTokens.class);
        when(tokens.accessToken(any())).thenReturn("jwt-of-trader");
        var restClients = new DefaultListableBeanFactory().getBeanProvider(RestClient.Builder.class);
        return new OrderClient(new PlatformGraphQlClient(new GraphQlEndpoints(graphQlUrl, ""), restClients), tokens);
    }

    @Test
    void recent_orders_are_fetched_with_the_users_bearer_token_and_decoded_exactly() {
        List<OrderRow> orders = client.recentOrders("demo-account");

        assertThat(authorizationHeaders).containsExactly("Bearer jwt-of-trader");
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.clientOrderId()).isEqualTo("ui-it-1");
            assertThat(order.quantity()).isEqualByComparingTo(new BigDecimal("10"));
            assertThat(order.limitPrice()).isEqualTo(new BigDecimal("187.25"));
            assertThat(order.side()).isEqualTo("BUY");
            assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
        });
    }

    @Test
    void the_accounts_of_the_user_are_listed() {
        httpResponse = "{\"data\":{\"accounts\":[{\"id\":\"demo-account\",\"name\":\"Demo\",\"owner\":\"trader\","
                + "\"currency\":\"USD\"}]}}";

        assertThat(client.accounts()).containsExactly(new AccountOption("demo-account", "Demo", "USD"));
    }

    @Test
    void the_subscription_sends_the_bearer_token_in_connection_init_and_delivers_updates() {
        List<OrderRow> updates = client.orderUpdates("demo-account").collectList().block(Duration.ofSeconds(20));

        assertThat(connectionInitPayloads).singleElement()
                .satisfies(payload -> assertThat(json.convertValue(payload, Map.class))
                        .isEqualTo(Map.of("Authorization", "Bearer jwt-of-trader")));
        assertThat(updates).extracting(OrderRow::status).containsExactly("FILLED");
    }

    @Test
    void graphql_errors_surface_with_their_code_and_without_internals() {
        httpResponse = "{\"errors\":[{\"message\":\"not entitled\",\"extensions\":{\"code\":\"PERMISSION_DENIED\"}}],"
                + "\"data\":null}";

        assertThatThrownBy(() -> client.recentOrders("someone-elses-account"))
                .isInstanceOfSatisfying(GraphQlApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GraphQlApiException.Kind.REJECTED);
                    assertThat(e.code()).isEqualTo("PERMISSION_DENIED");
                    assertThat(e.userMessage()).doesNotContain("Exception");
                });
    }

    @Test
    void an_unreachable_api_is_reported_as_unreachable() {
        int closedPort = platform.port();
        platform.disposeNow();
        OrderClient offline = clientFor("http://127.0.0.1:" + closedPort + "/graphql");

        assertThatThrownBy(offline::accounts)
                .isInstanceOfSatisfying(GraphQlApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GraphQlApiException.Kind.UNREACHABLE));
    }
}
