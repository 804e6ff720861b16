package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineLookupTest {

    private final Map<String, List<AuditEvent>> trails = new HashMap<>();
    private final Map<String, List<OrderMatch>> byClientId = new HashMap<>();
    private final TimelineLookup lookup = new TimelineLookup(new TimelineLookup.Source() {
        @Override
        public List<AuditEvent> trail(String aggregateId) {
            return trails.getOrDefault(aggregateId, List.of());
        }

        @Override
        public List<OrderMatch> ordersByClientOrderId(String clientOrderId, String accountId) {
            return byClientId.getOrDefault(clientOrderId + "@" + accountId, List.of());
        }
    });

    private static AuditEvent event(String aggregate, int sequence, String at) {
        return new AuditEvent(sequence, "OrderPlacedEvent", Instant.parse(at), null, null, null, null, null,
                "e" + sequence, aggregate, "OrderAggregate", null, null);
    }

    private static OrderMatch order(String id, String account) {
        return new OrderMatch(id, "desk-42", account, "AAPL", "BUY", BigDecimal.TEN, "WORKING", null);
    }

    @Test
    void an_order_id_finds_its_stream_directly_in_time_order() {
        trails.put("o-1", List.of(event("o-1", 1, "2026-11-25T10:00:01Z"), event("o-1", 0, "2026-11-25T10:00:00Z")));

        TimelineLookup.Result result = lookup.find(" o-1 ", "");

        assertThat(result.events()).extracting(AuditEvent::sequence).containsExactly(0, 1);
        assertThat(result.heading()).isEqualTo("Order o-1");
    }

    @Test
    void a_client_order_id_in_one_order_shows_that_orders_timeline() {
        trails.put("o-1", List.of(event("o-1", 0, "2026-11-25T10:00:00Z")));
        byClientId.put("desk-42@null", List.of(order("o-1", "demo-account")));

        TimelineLookup.Result result = lookup.find("desk-42", null);

        assertThat(result.events()).hasSize(1);
        assertThat(result.heading()).isEqualTo("Order desk-42 · demo-account · BUY 10 AAPL · WORKING (id o-1)");
    }

    @Test
    void with_an_account_the_client_order_id_is_looked_up_in_that_account_first() {
        trails.put("o-2", List.of(event("o-2", 0, "2026-11-25T10:00:00Z")));
        byClientId.put("desk-42@demo-account-2", List.of(order("o-2", "demo-account-2")));

        assertThat(lookup.find("desk-42", "demo-account-2").events()).extracting(AuditEvent::aggregateId)
                .containsExactly("o-2");
        assertThat(lookup.find("desk-43", "demo-account-2").nothingFound())
                .isEqualTo("No order desk-43 in account demo-account-2.");
    }

    @Test
    void a_client_order_id_of_several_accounts_offers_the_orders_to_choose_from() {
        byClientId.put("desk-42@null", List.of(order("o-1", "demo-account"), order("o-2", "demo-account-2")));

        TimelineLookup.Result result = lookup.find("desk-42", null);

        assertThat(result.events()).isEmpty();
        assertThat(result.choices()).extracting(OrderMatch::id).containsExactly("o-1", "o-2");
        assertThat(lookup.orderId("desk-42")).isEmpty();
    }

    @Test
    void nothing_found_says_what_was_looked_for_and_nothing_given_is_refused() {
        assertThat(lookup.find("nope", null).nothingFound()).isEqualTo("No order, client order id or account nope.");
        assertThatThrownBy(() -> lookup.find(" ", null)).isInstanceOf(AuditSearch.InvalidCriteria.class);
    }
}
