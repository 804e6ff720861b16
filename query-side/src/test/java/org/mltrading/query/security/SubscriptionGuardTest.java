package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

/** Issue 14, finding 3: live subscriptions end when the token expires or the account is no longer visible. */
class SubscriptionGuardTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void a_subscription_ends_with_auth_unauthenticated_when_the_token_expires() {
        var authentication = token(Instant.now().plusMillis(300));
        var request = request("subscription { quotes(symbols: [\"AAPL\"]) { bid } }", Map.of());

        long start = System.nanoTime();
        assertThatThrownBy(() -> SubscriptionGuard.guard(Flux.interval(Duration.ofMillis(50)), authentication, request, null,
                clock).blockLast(Duration.ofSeconds(5)))
                .satisfies(error -> assertThat(code(error)).isEqualTo("AUTH_UNAUTHENTICATED"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_stream_that_completes_on_its_own_does_not_wait_for_the_expiry() {
        var authentication = token(Instant.now().plusSeconds(300));
        var request = request("subscription { quotes(symbols: [\"AAPL\"]) { bid } }", Map.of());

        assertThat(SubscriptionGuard.guard(Flux.just(1, 2), authentication, request, null, clock).collectList()
                .block(Duration.ofSeconds(2))).containsExactly(1, 2);
    }

    @Test
    void an_event_of_an_account_no_longer_visible_ends_the_subscription_before_it_is_sent() {
        var authentication = token(Instant.now().plusSeconds(300));
        var request = request("subscription($a: String!) { orderUpdated(accountId: $a) { id } }", Map.of("a", "acc-1"));
        AtomicBoolean entitled = new AtomicBoolean(true);
        AccountVisibility visibility = (principal, account) -> account.equals("acc-1") && entitled.get();

        List<Object> sent = new java.util.ArrayList<>();
        assertThatThrownBy(() -> SubscriptionGuard.guard(Flux.just("first", "second"), authentication, request, visibility, clock)
                .doOnNext(event -> {
                    sent.add(event);
                    entitled.set(false); // revoked right after the first event
                }).blockLast(Duration.ofSeconds(2)))
                .satisfies(error -> assertThat(code(error)).isEqualTo("PERMISSION_DENIED"));
        assertThat(sent).containsExactly("first");
    }

    @Test
    void account_ids_are_found_in_literals_variables_and_fragments() {
        assertThat(SubscriptionGuard.accountIds(request("subscription { positionUpdated(accountId: \"a\") { symbol } }", Map.of())))
                .containsExactly("a");
        assertThat(SubscriptionGuard.accountIds(request("subscription S($x: String!) { orderUpdated(accountId: $x) { id } }",
                Map.of("x", "b")))).containsExactly("b");
        assertThat(SubscriptionGuard.accountIds(request("subscription { ...F } fragment F on Subscription {"
                + " ... on Subscription { orderUpdated(accountId: \"c\") { id } } }", Map.of()))).containsExactly("c");
        assertThat(SubscriptionGuard.accountIds(request("subscription { quotes(symbols: [\"AAPL\"]) { bid } }", Map.of())))
                .isEmpty();
    }

    private static String code(Throwable error) {
        assertThat(error).isInstanceOf(SubscriptionPublisherException.class);
        return String.valueOf(((SubscriptionPublisherException) error).getErrors().get(0).getExtensions().get("code"));
    }

    private static JwtAuthenticationToken token(Instant expiresAt) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("acme").claim("client_id", "acme")
                .claim("roles", List.of("INTEGRATOR")).issuedAt(Instant.now().minusSeconds(1)).expiresAt(expiresAt).build();
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_INTEGRATOR", "SCOPE_read"));
    }

    private static WebGraphQlRequest request(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return new WebGraphQlRequest(URI.create("ws://localhost/subscriptions"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), Map.of(), body, "1", null);
    }

}
