package org.mltrading.ops.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.platform.eventstore.IndexedGapsEventStorageEngine;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store's tracking fetch with gaps in the token (issue 13): the platform runs
 * {@link IndexedGapsEventStorageEngine}, and what it delivers from a token with gaps is exactly what
 * Axon's single query ({@code globalIndex > :token OR globalIndex IN :gaps}, a full table scan on H2)
 * selects, in the same order; and H2 plans both of its queries on the primary key.
 */
class IndexedGapFetchIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.shared();
        String token = platform.integratorToken();
        for (int i = 0; i < 6; i++) { // some events of our own, whatever the other tests stored
            Map<String, Object> input = new HashMap<>();
            input.put("accountId", "demo-account");
            input.put("clientOrderId", "gap-" + UUID.randomUUID());
            input.put("symbol", "AAPL");
            input.put("side", "BUY");
            input.put("type", "LIMIT");
            input.put("quantity", 1);
            input.put("limitPrice", "1.00");
            input.put("timeInForce", "DAY");
            assertThat(platform.graphql(token, "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
                    Map.of("input", input)).errors()).isNull();
        }
    }

    @Test
    void the_platform_fetches_through_the_indexed_engine() {
        assertThat(platform.allInOne().platformContext().getBean(EventStorageEngine.class))
                .isInstanceOf(IndexedGapsEventStorageEngine.class);
    }

    @Test
    void a_token_with_gaps_gets_the_gap_events_and_the_next_ones_in_global_order() {
        JdbcTemplate jdbc = jdbc();
        List<Long> stored = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
        assertThat(stored).hasSizeGreaterThan(12);
        long last = stored.get(stored.size() - 1);
        // a token at the 8th-last event that has not yet seen two earlier events (as if they were still in flight)
        long index = stored.get(stored.size() - 8);
        TreeSet<Long> gaps = new TreeSet<>(List.of(stored.get(stored.size() - 12), stored.get(stored.size() - 10)));
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);

        List<Long> delivered;
        try (Stream<? extends TrackedEventMessage<?>> events = platform.allInOne().platformContext()
                .getBean(EventStorageEngine.class).readEvents(token, false)) {
            // a gap's event leaves the token's index where it is: find each event's position by its id
            delivered = events.limit(9).map(e -> jdbc.queryForObject(
                            "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, e.getIdentifier()))
                    .collect(Collectors.toList());
        }

        String inList = gaps.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Long> axonsQuery = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "OR global_index IN (" + inList + ") ORDER BY global_index FETCH FIRST 9 ROWS ONLY", Long.class, index);
        assertThat(delivered).isEqualTo(axonsQuery).startsWith(gaps.first(), gaps.last()).contains(last);
    }

    @Test
    void both_queries_use_the_primary_key_where_the_single_one_scans_the_table() {
        JdbcTemplate jdbc = jdbc();
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        // a tracking processor's token is near the head; its gaps are a little behind it
        String after = "global_index > " + (head - 3);
        String gaps = "global_index IN (" + (head - 6) + ", " + (head - 5) + ")";
        String gapsPlan = explain(jdbc, "SELECT * FROM domain_event_entry WHERE " + gaps);
        String nextPlan = explain(jdbc, "SELECT * FROM domain_event_entry WHERE " + after
                + " ORDER BY global_index FETCH FIRST 100 ROWS ONLY");
        String axonsPlan = explain(jdbc, "SELECT * FROM domain_event_entry WHERE " + after + " OR " + gaps
                + " ORDER BY global_index FETCH FIRST 100 ROWS ONLY");

        assertThat(gapsPlan).containsPattern("PRIMARY_KEY_[0-9A-Z]*: GLOBAL_INDEX IN");
        assertThat(scanCount(gapsPlan)).isLessThanOrEqualTo(3);
        assertThat(nextPlan).containsPattern("PRIMARY_KEY_[0-9A-Z]*: GLOBAL_INDEX >");
        assertThat(scanCount(nextPlan)).isLessThan(20); // the rows after the token (others may append meanwhile)
        // the reason for the engine: Axon's OR reads every row (scanCount = all events + 1)
        assertThat(scanCount(axonsPlan)).isGreaterThan(events);
    }

    private static long scanCount(String plan) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(count.find()).as(plan).isTrue();
        return Long.parseLong(count.group(1));
    }

    private static String explain(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject("EXPLAIN ANALYZE " + sql, String.class);
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(platform.allInOne().platformContext().getBean(DataSource.class));
    }
}
