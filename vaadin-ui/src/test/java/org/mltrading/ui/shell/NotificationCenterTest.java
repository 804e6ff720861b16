package org.mltrading.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationCenterTest {

    private final NotificationCenter center =
            new NotificationCenter(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void posts_are_kept_newest_first_counted_until_seen_and_announced() {
        List<String> announced = new ArrayList<>();
        Runnable stop = center.onPost(entry -> announced.add(entry.message()));

        center.post(NotificationCenter.Level.SUCCESS, "Filled: BUY 7 AAPL @ 100");
        center.post(NotificationCenter.Level.ERROR, "Rejected: SELL 1 MSFT");
        stop.run();
        center.post(NotificationCenter.Level.INFO, "not announced");

        assertThat(center.entries()).extracting(NotificationCenter.Entry::message)
                .containsExactly("not announced", "Rejected: SELL 1 MSFT", "Filled: BUY 7 AAPL @ 100");
        assertThat(announced).containsExactly("Filled: BUY 7 AAPL @ 100", "Rejected: SELL 1 MSFT");
        assertThat(center.unseen()).isEqualTo(3);
        center.markAllSeen();
        assertThat(center.unseen()).isZero();
    }

    @Test
    void the_inbox_is_bounded() {
        for (int i = 0; i < NotificationCenter.CAPACITY + 10; i++) {
            center.post(NotificationCenter.Level.INFO, "n" + i);
        }

        assertThat(center.entries()).hasSize(NotificationCenter.CAPACITY);
        assertThat(center.entries().get(0).message()).isEqualTo("n" + (NotificationCenter.CAPACITY + 9));
        assertThat(center.unseen()).isEqualTo(NotificationCenter.CAPACITY);
    }

    @Test
    void the_same_order_state_seen_by_two_desks_of_the_session_is_kept_once() {
        center.post(NotificationCenter.Level.SUCCESS, "Filled: BUY 7 AAPL @ 101.02", "o1 FILLED 7");
        center.post(NotificationCenter.Level.SUCCESS, "Filled: BUY 7 AAPL @ 101.02", "o1 FILLED 7");
        center.post(NotificationCenter.Level.SUCCESS, "Filled: BUY 7 AAPL @ 101.02", "o2 FILLED 7");

        assertThat(center.entries()).hasSize(2);
        assertThat(center.unseen()).isEqualTo(2);
    }
}
