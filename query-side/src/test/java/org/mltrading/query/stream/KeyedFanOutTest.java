package org.mltrading.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

class KeyedFanOutTest {

    private record Change(String account, int n) {
    }

    private final Sinks.Many<Change> source = Sinks.many().multicast().directBestEffort();
    private final AtomicInteger keyLookups = new AtomicInteger();
    private final KeyedFanOut<Change> fanOut = new KeyedFanOut<>(source.asFlux(), change -> {
        keyLookups.incrementAndGet();
        return change.account();
    });

    @Test
    void a_change_reaches_only_the_listeners_of_its_key_and_costs_one_key_lookup_however_many_listen() {
        List<Change> a1 = new CopyOnWriteArrayList<>();
        List<Change> a2 = new CopyOnWriteArrayList<>();
        List<Change> both = new CopyOnWriteArrayList<>();
        fanOut.listen(Set.of("a"), a1::add);
        fanOut.listen(Set.of("a"), a2::add);
        fanOut.listen(Set.of("a", "b"), both::add);
        for (int i = 0; i < 1000; i++) {
            fanOut.listen(Set.of("other-" + i), change -> { });
        }

        source.tryEmitNext(new Change("a", 1));
        source.tryEmitNext(new Change("b", 2));
        source.tryEmitNext(new Change("c", 3));

        assertThat(a1).containsExactly(new Change("a", 1));
        assertThat(a2).containsExactly(new Change("a", 1));
        assertThat(both).containsExactly(new Change("a", 1), new Change("b", 2));
        assertThat(keyLookups).hasValue(3);
    }

    @Test
    void a_disposed_listener_gets_nothing_more_and_is_forgotten() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        Disposable listening = fanOut.listen(Set.of("a", "b"), seen::add);
        source.tryEmitNext(new Change("a", 1));

        listening.dispose();
        source.tryEmitNext(new Change("a", 2));

        assertThat(seen).containsExactly(new Change("a", 1));
        assertThat(fanOut.listeners()).isZero();
    }
}
