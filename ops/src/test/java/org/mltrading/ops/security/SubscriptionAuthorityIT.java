package org.mltrading.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Issue 14, finding 3: a live subscription ends when the caller's entitlement to the account is revoked
 * (the next event is not sent) and when the connection's token expires.
 */
class SubscriptionAuthorityIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
    }

    @Test
    void a_revoked_entitlement_ends_the_order_subscription_before_the_next_update_is_sent() {
        String admin = platform.userToken("admin");
        String clientId = "watcher-" + Long.toHexString(System.nanoTime());
        GraphQlAnswer created = platform.graphql(admin, """
                mutation($id: ID!) { createIntegratorClient(input: {clientId: $id, scopes: ["read"],
                  accountIds: ["demo-account"]}) { clientSecret } }""", Map.of("id", clientId));
        assertThat(created.errors()).as(created.body().toString()).isNull();
        String watcher = platform.clientToken(clientId,
                created.data().path("createIntegratorClient").path("clientSecret").asText(), "read");

        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        WebSocketGraphQlClient client = client(watcher);
        Disposable subscription = client.document("subscription { orderUpdated(accountId: \"demo-account\") { clientOrderId } }")
                .executeSubscription()
                .subscribe(response -> seen.add(clientOrderId(response)), ended::set);
        try {
            String before = placeOrder("watched-" + System.nanoTime());
            await(() -> seen.contains(before), "the update of an order placed while entitled");

            GraphQlAnswer revoked = platform.graphql(admin, """
                    mutation($id: String!) { revokeAccountEntitlement(accountId: "demo-account", principal: $id) { id } }""",
                    Map.of("id", clientId));
            assertThat(revoked.errors()).as(revoked.body().toString()).isNull();
            String after = placeOrder("unwatched-" + System.nanoTime());

            await(() -> ended.get() != null, "the subscription to end");
            assertThat(ended.get()).isInstanceOf(SubscriptionErrorException.class);
            assertThat(((SubscriptionErrorException) ended.get()).getErrors().get(0).getExtensions().get("code"))
                    .isEqualTo("PERMISSION_DENIED");
            assertThat(seen).doesNotContain(after);
        } finally {
            subscription.dispose();
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_subscription_ends_when_the_connections_token_expires() throws Exception {
        String shortLived = signedWithThePlatformKey("demo-integrator", Instant.now().plusSeconds(4));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        WebSocketGraphQlClient client = client(shortLived);
        Disposable subscription = client.document("subscription { quotes(symbols: [\"AAPL\"]) { bid } }")
                .executeSubscription().subscribe(response -> { }, ended::set);
        try {
            await(() -> ended.get() != null, "the subscription to end at the token's expiry");
            assertThat(ended.get()).isInstanceOf(SubscriptionErrorException.class);
            assertThat(((SubscriptionErrorException) ended.get()).getErrors().get(0).getExtensions().get("code"))
                    .isEqualTo("AUTH_UNAUTHENTICATED");
        } finally {
            subscription.dispose();
            client.stop().block(Duration.ofSeconds(5));
        }
    }

    private static String clientOrderId(ClientGraphQlResponse response) {
        Map<String, Object> update = response.field("orderUpdated").getValue();
        return update == null ? null : String.valueOf(update.get("clientOrderId"));
    }

    private static String placeOrder(String clientOrderId) {
        GraphQlAnswer placed = platform.graphql(platform.integratorToken(), """
                mutation($c: String!) { placeOrder(input: {accountId: "demo-account", clientOrderId: $c, symbol: "AAPL",
                  side: BUY, type: LIMIT, quantity: "1", limitPrice: "1.00", timeInForce: GTC}) { id } }""",
                Map.of("c", clientOrderId));
        assertThat(placed.errors()).as(placed.body().toString()).isNull();
        return clientOrderId;
    }

    private static WebSocketGraphQlClient client(String token) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(platform.websocketUrl(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
        client.start().block(Duration.ofSeconds(10));
        return client;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A machine client's token signed with the platform's real key, expiring at {@code expiresAt}. */
    private static String signedWithThePlatformKey(String client, Instant expiresAt) throws Exception {
        JWKSet keys = JWKSet.load(platform.settings().dataDir().resolve("auth/jwks.json").toFile());
        RSAKey key = (RSAKey) keys.getKeys().get(0);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.authUrl()).subject(client)
                .audience(List.of("platform-api")).claim("client_id", client).claim("roles", List.of("INTEGRATOR"))
                .claim("scope", "read").issueTime(Date.from(Instant.now())).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
