package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsOfComparisonTest {

    private static Map<String, Object> order(String status, String filled) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "o-1");
        order.put("status", status);
        order.put("filledQuantity", filled);
        order.put("averagePrice", "FILLED".equals(status) ? "101.5" : null);
        return order;
    }

    @Test
    void fields_that_changed_since_the_instant_are_marked() {
        List<AsOfComparison.Row> rows = AsOfComparison.of(order("WORKING", "0"), order("FILLED", "100"));

        assertThat(rows).extracting(AsOfComparison.Row::field)
                .containsExactly("id", "status", "filledQuantity", "averagePrice");
        assertThat(rows).filteredOn(AsOfComparison.Row::changed).extracting(AsOfComparison.Row::field)
                .containsExactly("status", "filledQuantity", "averagePrice");
        assertThat(rows.get(1)).isEqualTo(new AsOfComparison.Row("status", "WORKING", "FILLED", true));
        assertThat(rows.get(3).then()).isEmpty();
    }

    @Test
    void an_aggregate_that_did_not_exist_yet_shows_every_field_as_changed() {
        List<AsOfComparison.Row> rows = AsOfComparison.of(null, order("WORKING", "0"));

        assertThat(rows).hasSize(4).allMatch(row -> row.then().isEmpty());
        assertThat(rows).filteredOn(AsOfComparison.Row::changed).hasSize(3);
    }
}
