package org.mltrading.query.stream;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fan-out of public market-data subscriptions (issue 16 item 2): subscriptions with the same document,
 * operation and variables ({@code quotes(symbols: ["AAPL"]) { … }} from a thousand screens) share one
 * execution — graphql-java resolves and shapes each event once, not once per subscriber — and each
 * subscriber reads the shared stream through a slot of its own — the latest value for quotes and bars
 * ({@code onBackpressureLatest}: a slow client is conflated), a bounded oldest-dropping buffer for the
 * tape ({@link #BUFFERED}) — so a slow client never slows the others.
 *
 * <p>Only {@link #SHAREABLE} root fields share: their answer is the same for every caller. Each
 * {@code subscribe} is still validated, authorised and executed on its own (its scopes, limits, errors);
 * only its event stream is swapped for the shared one, which the caller's own guards (token expiry) then
 * wrap: this interceptor runs innermost. Account streams (orders, positions) are never shared.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SharedSubscriptions implements WebGraphQlInterceptor {

    /** Root fields whose events are the same for every subscriber of the same arguments. */
    static final Set<String> SHAREABLE = Set.of("quotes", "bars", "tradePrints");
    /**
     * Shared fields whose every event matters (a tape with holes misleads): a slow subscriber keeps up to
     * {@value #TAPE_BUFFER} waiting and loses the oldest beyond, as the schema promises, instead of being
     * conflated to the latest like quotes and bars.
     */
    static final Set<String> BUFFERED = Set.of("tradePrints");
    static final int TAPE_BUFFER = 1_024;

    /** How a request's subscription is run. */
    enum Mode { OWN, SHARED_LATEST, SHARED_BUFFERED }

    record Key(String document, String operationName, Map<String, Object> variables) {
    }

    /** One shared execution: its multicast stream and how many subscribers read it. */
    private static final class Share {
        private final Key key;
        private final Flux<Object> events;
        private Disposable connection;
        private int subscribers;

        Share(Key key, Publisher<?> execution) {
            this.key = key;
            this.events = Flux.<Object>from(execution).publish().autoConnect(1, connected -> this.connection = connected);
        }
    }

    private final Map<Key, Share> shares = new HashMap<>();
    private final boolean enabled;

    public SharedSubscriptions(ObjectProvider<MeterRegistry> meters) {
        this(meters, true);
    }

    /** @param enabled {@code platform.graphql.shared-subscriptions} (true): false runs every subscription on its own */
    @org.springframework.beans.factory.annotation.Autowired
    public SharedSubscriptions(ObjectProvider<MeterRegistry> meters,
                               @org.springframework.beans.factory.annotation.Value("${platform.graphql.shared-subscriptions:true}")
                               boolean enabled) {
        this.enabled = enabled;
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("platform.graphql.shared.executions", this, SharedSubscriptions::executions)
                    .description("distinct shared subscription executions (document, operation, variables)")
                    .register(registry);
            Gauge.builder("platform.graphql.shared.subscribers", this, SharedSubscriptions::subscribers)
                    .description("subscriptions reading a shared execution").register(registry);
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mode mode = enabled && request instanceof WebSocketGraphQlRequest ? mode(request) : Mode.OWN;
        if (mode == Mode.OWN) {
            return chain.next(request);
        }
        Key key = new Key(request.getDocument(), request.getOperationName(), Map.copyOf(nonNull(request.getVariables())));
        return chain.next(request).map(response -> {
            if (!response.getErrors().isEmpty() || !(response.getExecutionResult().getData() instanceof Publisher<?> own)) {
                return response;
            }
            return response.transform(builder -> builder.data(join(key, own, mode == Mode.SHARED_BUFFERED)));
        });
    }

    /**
     * The shared stream of {@code key}, started from {@code own} (this subscriber's execution) when none
     * runs; otherwise {@code own} is left unsubscribed, so it never executes an event.
     */
    Flux<Object> join(Key key, Publisher<?> own) {
        return join(key, own, false);
    }

    /** As above; {@code buffered}: the subscriber's slot keeps the oldest-dropping tape buffer, not the latest event. */
    Flux<Object> join(Key key, Publisher<?> own, boolean buffered) {
        return Flux.defer(() -> {
            Share share;
            synchronized (this) {
                share = shares.computeIfAbsent(key, k -> new Share(k, own));
                share.subscribers++;
            }
            Share joined = share;
            Flux<Object> slot = buffered
                    ? joined.events.onBackpressureBuffer(TAPE_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                    : joined.events.onBackpressureLatest();
            return slot.doFinally(signal -> leave(joined));
        });
    }

    private void leave(Share share) {
        Disposable connection = null;
        synchronized (this) {
            share.subscribers--;
            if (share.subscribers == 0) {
                shares.remove(share.key, share);
                connection = share.connection;
            }
        }
        if (connection != null) {
            connection.dispose(); // the last subscriber left: stop the execution
        }
    }

    synchronized int executions() {
        return shares.size();
    }

    synchronized int subscribers() {
        return shares.values().stream().mapToInt(share -> share.subscribers).sum();
    }

    /** Verdicts by (operation name, document): integrators send the same few documents again and again. */
    private final Map<String, Mode> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_VERDICTS = 2_000;

    private Mode mode(WebGraphQlRequest request) {
        String text = request.getOperationName() + "\u0000" + request.getDocument();
        Mode known = verdicts.get(text);
        if (known != null) {
            return known;
        }
        Mode verdict = parseMode(request);
        if (verdicts.size() >= MAX_VERDICTS) {
            verdicts.clear(); // bounded: a flood of distinct documents only costs re-parsing
        }
        verdicts.put(text, verdict);
        return verdict;
    }

    /**
     * Shared when every root field of the operation is shareable (and the document parses; else it is
     * refused anyway); buffered when one of them is a tape.
     */
    private static Mode parseMode(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (RuntimeException e) {
            return Mode.OWN;
        }
        boolean any = false;
        boolean buffered = false;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (request.getOperationName() != null && !request.getOperationName().equals(operation.getName())) {
                continue;
            }
            if (operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                return Mode.OWN;
            }
            for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                if (!(selection instanceof Field field) || !SHAREABLE.contains(field.getName())) {
                    return Mode.OWN; // fragments at the root, or a field of another kind: not shared
                }
                any = true;
                buffered |= BUFFERED.contains(field.getName());
            }
        }
        return !any ? Mode.OWN : buffered ? Mode.SHARED_BUFFERED : Mode.SHARED_LATEST;
    }

    private static Map<String, Object> nonNull(Map<String, Object> variables) {
        Map<String, Object> copy = new HashMap<>();
        variables.forEach((name, value) -> copy.put(name, Objects.requireNonNullElse(value, NULL)));
        return copy;
    }

    /** Map.copyOf refuses null values: a variable given as null is keyed by this marker. */
    private static final Object NULL = new Object();
}
