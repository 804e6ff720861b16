package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void values_read_as_words_grouped_numbers_utc_times_and_positions_with_the_difference() {
        Map<String, Object> then = new LinkedHashMap<>();
        then.put("cash", "997699.3549435");
        then.put("placedAt", "2026-11-25T22:05:01.123Z");
        then.put("positions", List.of(Map.of("symbol", "AAPL", "quantity", "10", "averagePrice", "230.0445")));
        then.put("accountId", "12345678");
        Map<String, Object> now = new LinkedHashMap<>(then);
        now.put("cash", "995398.71");
        now.put("positions", List.of());

        List<AsOfComparison.Row> rows = AsOfComparison.of(then, now);

        assertThat(rows).extracting(AsOfComparison.Row::label)
                .containsExactly("Cash", "Placed at", "Positions", "Account id");
        assertThat(rows.get(0).then()).isEqualTo("997,699.35");
        assertThat(rows.get(0).difference()).isEqualTo("-2,300.64");
        assertThat(rows.get(1).then()).isEqualTo("2026-11-25 22:05:01 UTC");
        assertThat(rows.get(1).changed()).isFalse();
        assertThat(rows.get(2).then()).isEqualTo("AAPL 10 @ 230.0445");
        assertThat(rows.get(2).difference()).isEqualTo("AAPL 10 @ 230.0445 → none");
        assertThat(rows.get(3).then()).isEqualTo("12345678");
    }

    @Test
    void numbers_equal_in_value_are_not_a_change() {
        assertThat(AsOfComparison.of(Map.of("quantity", "100"), Map.of("quantity", "100.000")))
                .singleElement().satisfies(row -> assertThat(row.changed()).isFalse());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10,20          | 10,20",
            "1,2,3          | 1,2,3",
            "12,34,567      | 12,34,567",
            "0,123          | 0,123",
            "1234,567       | 1234,567",
            "007            | 007",
            "'1,020'        | '1,020'",
            "'1,234,567.5'  | '1,234,567.5'",
            "1020           | '1,020'",
            "-0.5           | -0.5",
            "WORKING        | WORKING",
    })
    void only_plain_or_properly_grouped_numbers_are_rewritten_other_text_is_shown_as_written(String raw, String shown) {
        assertThat(AsOfComparison.text(raw)).isEqualTo(shown);
    }

    @Test
    void free_text_with_commas_is_not_read_as_a_number_when_comparing() {
        AsOfComparison.Row row = AsOfComparison.of(Map.of("note", "10,20"), Map.of("note", "1020")).get(0);

        assertThat(row.changed()).isTrue();
        assertThat(row.difference()).isEqualTo("10,20 → 1,020");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-25T22:05:01.123Z     | 2026-11-25 22:05:01 UTC",
            "2026-11-25T23:05:01+01:00    | 2026-11-25 22:05:01 UTC",
            "2026-13-01T00:00:00Z         | 2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z         | 2026-02-30T00:00:00Z",
            "2026-11-25T22:05:01Z and so  | 2026-11-25T22:05:01Z and so",
            "2026-11-25                   | 2026-11-25",
    })
    void only_whole_iso_instants_are_written_as_utc_times(String raw, String shown) {
        assertThat(AsOfComparison.text(raw)).isEqualTo(shown);
    }
}
