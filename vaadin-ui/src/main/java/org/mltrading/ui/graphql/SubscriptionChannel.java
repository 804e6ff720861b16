package org.mltrading.ui.graphql;

import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import reactor.core.publisher.Flux;

/**
 * One graphql-transport-ws connection carrying several subscriptions of one view (see
 * {@link PlatformGraphQlClient#openChannel}). Connects on the first subscription, reconnects when a
 * dropped subscription is retried; {@link #close()} ends the connection and every subscription on it.
 */
public final class SubscriptionChannel implements AutoCloseable {

    private final WebSocketGraphQlClient client;

    SubscriptionChannel(WebSocketGraphQlClient client) {
        this.client = client;
    }

    /** A subscription on this connection, decoded at {@code path}; cancel it to end just this one. */
    public <T> Flux<T> subscribe(String document, Map<String, Object> variables, String path, Class<T> type) {
        return PlatformGraphQlClient.resilient(Flux.defer(() -> client.document(document).variables(variables)
                .retrieveSubscription(path).toEntity(type)));
    }

    @Override
    public void close() {
        client.stop().subscribe(done -> { }, failure -> { });
    }
}
