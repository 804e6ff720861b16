package org.mltrading.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Issue 16 item 2: identical market-data subscriptions share one execution; others run their own. */
class SharedSubscriptionsTest {

    private static final String AAPL = "subscription { quotes(symbols: [\"AAPL\"]) { symbol bid time } }";

    private final SharedSubscriptions shared = new SharedSubscriptions(new DefaultListableBeanFactory()
            .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    /** The executions the chain started (one per subscribe), and how many were actually subscribed. */
    private final Sinks.Many<Object> events = Sinks.many().multicast().directBestEffort();
    private final AtomicInteger executionsSubscribed = new AtomicInteger();
    private final AtomicInteger executionsCancelled = new AtomicInteger();

    private final WebGraphQlInterceptor.Chain chain = request -> Mono.just(response(request,
            events.asFlux().doOnSubscribe(s -> executionsSubscribed.incrementAndGet())
                    .doOnCancel(executionsCancelled::incrementAndGet)));

    @Test
    void identical_subscriptions_share_one_execution_and_each_receives_every_event() {
        List<Object> first = new CopyOnWriteArrayList<>();
        List<Object> second = new CopyOnWriteArrayList<>();
        List<Object> third = new CopyOnWriteArrayList<>();
        Disposable a = subscribe(AAPL, Map.of(), "1").subscribe(first::add);
        Disposable b = subscribe(AAPL, Map.of(), "2").subscribe(second::add);
        Disposable c = subscribe(AAPL, Map.of(), "3").subscribe(third::add);

        events.tryEmitNext("q1");
        events.tryEmitNext("q2");

        assertThat(executionsSubscribed).hasValue(1);
        assertThat(shared.executions()).isEqualTo(1);
        assertThat(shared.subscribers()).isEqualTo(3);
        assertThat(first).containsExactly("q1", "q2");
        assertThat(second).containsExactly("q1", "q2");
        assertThat(third).containsExactly("q1", "q2");

        a.dispose();
        b.dispose();
        assertThat(executionsCancelled).as("the execution runs while a subscriber reads it").hasValue(0);
        c.dispose();
        assertThat(executionsCancelled).as("the last subscriber left").hasValue(1);
        assertThat(shared.executions()).isZero();

        // the next subscriber starts a new execution
        List<Object> later = new CopyOnWriteArrayList<>();
        Disposable d = subscribe(AAPL, Map.of(), "4").subscribe(later::add);
        events.tryEmitNext("q3");
        assertThat(executionsSubscribed).hasValue(2);
        assertThat(later).containsExactly("q3");
        d.dispose();
    }

    @Test
    void other_documents_or_variables_and_account_streams_run_their_own_executions() {
        String byVariable = "subscription($s: [String!]!) { quotes(symbols: $s) { symbol bid time } }";
        Disposable a = subscribe(byVariable, Map.of("s", List.of("AAPL")), "1").subscribe();
        Disposable b = subscribe(byVariable, Map.of("s", List.of("MSFT")), "2").subscribe();
        Disposable c = subscribe(AAPL, Map.of(), "3").subscribe();
        Disposable d = subscribe("subscription { orderUpdated(accountId: \"a-1\") { id } }", Map.of(), "4").subscribe();
        Disposable e = subscribe("subscription { orderUpdated(accountId: \"a-1\") { id } }", Map.of(), "5").subscribe();

        assertThat(executionsSubscribed).hasValue(5);
        assertThat(shared.executions()).isEqualTo(3);
        List.of(a, b, c, d, e).forEach(Disposable::dispose);
    }

    @Test
    void a_subscriber_that_does_not_read_is_conflated_to_the_latest_event_and_does_not_hold_up_the_others() {
        List<Object> fast = new CopyOnWriteArrayList<>();
        List<Object> slow = new CopyOnWriteArrayList<>();
        Disposable a = subscribe(AAPL, Map.of(), "1").subscribe(fast::add);
        reactor.core.publisher.BaseSubscriber<Object> lagging = lagging(slow);
        subscribe(AAPL, Map.of(), "2").subscribe(lagging);

        for (int i = 1; i <= 100; i++) {
            events.tryEmitNext("q" + i);
        }
        lagging.request(1);

        assertThat(fast).hasSize(100);
        assertThat(slow).containsExactly("q100");
        a.dispose();
        lagging.dispose();
    }

    @Test
    void a_slow_reader_of_the_shared_tape_keeps_every_print_up_to_the_buffer_and_loses_only_the_oldest_beyond() {
        String tape = "subscription { tradePrints(symbols: [\"AAPL\"]) { tradeId price } }";
        List<Object> fast = new CopyOnWriteArrayList<>();
        List<Object> slow = new CopyOnWriteArrayList<>();
        Disposable a = subscribe(tape, Map.of(), "1").subscribe(fast::add);
        reactor.core.publisher.BaseSubscriber<Object> lagging = lagging(slow);
        subscribe(tape, Map.of(), "2").subscribe(lagging);

        int prints = SharedSubscriptions.TAPE_BUFFER + 10;
        for (int i = 1; i <= prints; i++) {
            events.tryEmitNext("t" + i);
        }
        lagging.request(Long.MAX_VALUE);

        assertThat(executionsSubscribed).as("shared").hasValue(1);
        assertThat(fast).hasSize(prints);
        // not conflated to the latest: the newest 1,024 in order, the 10 oldest dropped
        assertThat(slow).hasSize(SharedSubscriptions.TAPE_BUFFER);
        assertThat(slow.get(0)).isEqualTo("t11");
        assertThat(slow.get(slow.size() - 1)).isEqualTo("t" + prints);
        a.dispose();
        lagging.dispose();
    }

    /** A subscriber that requests nothing until the test asks it to, collecting what it then reads. */
    private static reactor.core.publisher.BaseSubscriber<Object> lagging(List<Object> received) {
        return new reactor.core.publisher.BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // reads nothing yet
            }

            @Override
            protected void hookOnNext(Object value) {
                received.add(value);
            }
        };
    }

    @Test
    void a_subscribe_refused_by_its_own_execution_is_answered_as_is() {
        WebGraphQlInterceptor.Chain refusing = request -> Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                request.toExecutionInput(), ExecutionResult.newExecutionResult()
                        .addError(graphql.GraphqlErrorBuilder.newError().message("no").build()).build())));

        WebGraphQlResponse response = shared.intercept(request(AAPL, Map.of(), "1"), refusing).block(Duration.ofSeconds(5));

        assertThat(response.getErrors()).hasSize(1);
        assertThat(shared.executions()).isZero();
    }

    @SuppressWarnings("unchecked")
    private Flux<Object> subscribe(String document, Map<String, Object> variables, String id) {
        WebGraphQlResponse response = shared.intercept(request(document, variables, id), chain).block(Duration.ofSeconds(5));
        return Flux.from((Publisher<Object>) response.getExecutionResult().getData());
    }

    private static WebGraphQlResponse response(WebGraphQlRequest request, Flux<Object> stream) {
        ExecutionInput input = request.toExecutionInput();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input,
                ExecutionResult.newExecutionResult().data(stream).build()));
    }

    private static WebSocketGraphQlRequest request(String document, Map<String, Object> variables, String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return new WebSocketGraphQlRequest(URI.create("ws://localhost/subscriptions"), new HttpHeaders(), null, Map.of(),
                body, id, null, new SessionInfo());
    }

    private static final class SessionInfo implements WebSocketSessionInfo {
        private final Map<String, Object> attributes = new HashMap<>();

        @Override
        public String getId() {
            return "session";
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public URI getUri() {
            return URI.create("ws://localhost/subscriptions");
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Mono<Principal> getPrincipal() {
            return Mono.empty();
        }

        @Override
        public java.net.InetSocketAddress getRemoteAddress() {
            return null;
        }
    }
}
