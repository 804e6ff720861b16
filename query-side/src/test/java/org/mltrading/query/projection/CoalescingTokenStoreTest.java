package org.mltrading.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

class CoalescingTokenStoreTest {

    private final InMemoryTokenStore stored = new InMemoryTokenStore();

    @Test
    void tokens_within_the_interval_are_held_back_and_the_store_never_gets_ahead_of_the_processor() {
        try (CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofHours(1))) {
            tokens.initializeTokenSegments("orders", 1);
            tokens.storeToken(token(10), "orders", 0);
            tokens.storeToken(token(20), "orders", 0);
            tokens.storeToken(token(30), "orders", 0);

            assertThat(stored.fetchToken("orders", 0)).isEqualTo(token(10)); // older, never newer
        }
    }

    @Test
    void a_held_back_token_is_written_before_the_claim_is_released_and_before_it_is_fetched() {
        try (CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofHours(1))) {
            tokens.initializeTokenSegments("orders", 1);
            tokens.storeToken(token(10), "orders", 0);
            tokens.storeToken(token(20), "orders", 0);
            tokens.releaseClaim("orders", 0);
            assertThat(stored.fetchToken("orders", 0)).isEqualTo(token(20));

            tokens.storeToken(token(30), "orders", 0);
            assertThat(tokens.fetchToken("orders", 0)).isEqualTo(token(30));
        }
    }

    @Test
    void the_timer_writes_a_held_back_token_after_the_interval() throws InterruptedException {
        try (CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofMillis(20))) {
            tokens.initializeTokenSegments("orders", 1);
            tokens.storeToken(token(10), "orders", 0);
            tokens.storeToken(token(20), "orders", 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!token(20).equals(stored.fetchToken("orders", 0)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(stored.fetchToken("orders", 0)).isEqualTo(token(20));
        }
    }

    @Test
    void closing_writes_every_held_back_token() {
        CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofHours(1));
        tokens.initializeTokenSegments("accounts", 1);
        tokens.storeToken(token(1), "accounts", 0);
        tokens.storeToken(token(2), "accounts", 0);
        tokens.close();
        assertThat(stored.fetchToken("accounts", 0)).isEqualTo(token(2));
    }

    private static GlobalSequenceTrackingToken token(long index) {
        return new GlobalSequenceTrackingToken(index);
    }
}
