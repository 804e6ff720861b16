package org.mltrading.query.order;

import java.time.Duration;
import org.mltrading.query.stream.KeyedFanOut;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In-process fan-out of projected order changes to GraphQL subscriptions and to mutations waiting for
 * read-your-writes. Slow subscribers are dropped from (best effort), never allowed to block the projection.
 */
@Component
public class OrderUpdates {

    private final Sinks.Many<OrderView> sink = Sinks.many().multicast().directBestEffort();
    /** orderUpdated subscribers, indexed by account. */
    private final KeyedFanOut<OrderView> byAccount = new KeyedFanOut<>(sink.asFlux(), OrderView::accountId);

    void publish(OrderView order) {
        sink.emitNext(order, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    public Flux<OrderView> stream() {
        return sink.asFlux();
    }

    public KeyedFanOut<OrderView> byAccount() {
        return byAccount;
    }
}
