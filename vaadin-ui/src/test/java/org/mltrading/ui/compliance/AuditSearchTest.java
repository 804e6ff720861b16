package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    private static final Instant FROM = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-25T17:00:00Z");

    private static AuditEventPage page(boolean hasNext, String endCursor) {
        return new AuditEventPage(List.of(), new AuditEventPage.PageInfo(hasNext, endCursor));
    }

    @Test
    void blank_criteria_are_left_out_and_event_types_split_on_commas_and_spaces() {
        Map<String, Object> filter = AuditSearch.filterOf(
                new AuditSearch.Criteria(" acc-1 ", "", "OrderPlacedEvent, OrderFilledEvent  OrderCancelledEvent",
                        FROM, null));

        assertThat(filter).containsOnlyKeys("accountId", "types", "from");
        assertThat(filter.get("accountId")).isEqualTo("acc-1");
        assertThat(filter.get("types")).isEqualTo(List.of("OrderPlacedEvent", "OrderFilledEvent", "OrderCancelledEvent"));
        assertThat(filter.get("from")).isEqualTo("2026-11-25T08:00:00Z");
    }

    @Test
    void a_range_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new AuditSearch().search(new AuditSearch.Criteria(null, null, null, TO, FROM)))
                .isInstanceOf(AuditSearch.InvalidCriteria.class)
                .hasMessageContaining("before its start");
    }

    @Test
    void pages_forward_with_the_end_cursor_and_back_to_the_cursor_of_the_page_before() {
        AuditSearch search = new AuditSearch();
        search.search(new AuditSearch.Criteria(null, "trader1", null, null, null));

        assertThat(search.variables()).containsEntry("first", AuditSearch.PAGE_SIZE).doesNotContainKey("after");
        assertThat(search.variables().get("filter")).isEqualTo(Map.of("actor", "trader1"));
        assertThat(search.hasPrevious()).isFalse();
        search.shown(page(true, "c50"));
        assertThat(search.hasNext()).isTrue();

        search.next();
        assertThat(search.variables()).containsEntry("after", "c50");
        assertThat(search.pageNumber()).isEqualTo(2);
        search.shown(page(true, "c100"));
        search.next();
        assertThat(search.variables()).containsEntry("after", "c100");
        search.shown(page(false, "c120"));
        assertThat(search.hasNext()).isFalse();

        search.previous();
        assertThat(search.variables()).containsEntry("after", "c50");
        search.previous();
        assertThat(search.variables()).doesNotContainKey("after");
        assertThat(search.hasPrevious()).isFalse();
        assertThatThrownBy(search::previous).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_new_search_starts_again_at_the_first_page() {
        AuditSearch search = new AuditSearch();
        search.search(new AuditSearch.Criteria(null, null, null, null, null));
        search.shown(page(true, "c50"));
        search.next();

        search.search(new AuditSearch.Criteria("acc-2", null, null, null, null));

        assertThat(search.pageNumber()).isEqualTo(1);
        assertThat(search.variables()).doesNotContainKey("after");
        assertThat(search.hasNext()).isFalse();
    }
}
