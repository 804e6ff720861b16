package org.mltrading.ui.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsFeedTest {

    private static NewsFeed.Item item(String id, String at, double score) {
        return new NewsFeed.Item(id, Instant.parse(at), "sim-wire", "NEWS", "headline " + id, score,
                score >= 0.05 ? "POSITIVE" : score <= -0.05 ? "NEGATIVE" : "NEUTRAL", List.of("AAPL"));
    }

    @Test
    void items_are_newest_first_once_each_and_capped() {
        NewsFeed feed = new NewsFeed(2);
        feed.load(List.of(item("a", "2026-12-07T10:00:00Z", 0.5), item("b", "2026-12-07T11:00:00Z", -0.5)));
        assertThat(feed.items()).extracting(NewsFeed.Item::id).containsExactly("b", "a");

        assertThat(feed.add(item("b", "2026-12-07T11:00:00Z", -0.5))).isFalse();
        assertThat(feed.add(item("c", "2026-12-07T12:00:00Z", 0))).isTrue();
        assertThat(feed.items()).extracting(NewsFeed.Item::id).containsExactly("c", "b");
        // an item older than all kept ones does not enter a full panel
        assertThat(feed.add(item("old", "2026-12-07T09:00:00Z", 0))).isFalse();
    }

    @Test
    void the_badge_shows_the_signed_score_with_two_decimals() {
        assertThat(item("p", "2026-12-07T10:00:00Z", 0.6249).scoreText()).isEqualTo("+0.62");
        assertThat(item("n", "2026-12-07T10:00:00Z", -0.41).scoreText()).isEqualTo("−0.41");
        assertThat(item("z", "2026-12-07T10:00:00Z", 0.001).scoreText()).isEqualTo("0.00");
    }
}
