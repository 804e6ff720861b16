package org.mltrading.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFileNamesTest {

    @ParameterizedTest(name = "[{0}, {1}] -> {2}")
    @CsvSource({
            "2026-11-25T00:00:00Z, 2026-11-25T23:59:59.999999999Z, 2026-11-25",
            "2026-11-25T00:00:00Z, 2026-11-26T23:59:59.999999999Z, 2026-11-25_2026-11-26",
            "2026-11-25T00:00:00Z, 2026-11-26T23:59:59.999Z, 2026-11-25_2026-11-26",
            "2026-11-25T00:00:00Z, 2026-11-27T00:00:00Z, 2026-11-25_2026-11-26",
            "2026-11-25T10:30:00Z, 2026-11-25T23:59:59.999999999Z, 2026-11-25T103000Z_2026-11-25T235959Z",
            "2026-11-25T00:00:00Z, 2026-11-25T12:00:00Z, 2026-11-25T000000Z_2026-11-25T120000Z"})
    void a_range_of_whole_days_is_named_by_its_days_and_any_other_by_compact_utc_times(
            String from, String to, String expected) {
        assertThat(ReportFileNames.range(Instant.parse(from), Instant.parse(to))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"demo-account, order-audit-trail_2026-11-25_demo-account.csv", ", order-audit-trail_2026-11-25.csv"})
    void the_account_follows_the_range(String account, String expected) {
        assertThat(ReportFileNames.of("order-audit-trail", Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-25T23:59:59.999999999Z"), account)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"OrderFilled|OrderFilled,OrderFilledEvent",
            "OrderFilledEvent|OrderFilledEvent", "' OrderPlaced '|OrderPlaced,OrderPlacedEvent"})
    void event_types_are_found_by_their_business_names(String given, String stored) {
        assertThat(EventTypeNames.storedNames(java.util.List.of(given))).containsExactly(stored.split(","));
    }
}
