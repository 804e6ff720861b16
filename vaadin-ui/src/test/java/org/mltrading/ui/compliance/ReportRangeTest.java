package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

    @Test
    void a_range_of_days_covers_both_whole_utc_days() {
        ReportRange range = ReportRange.ofDays(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-25T23:59:59.999999999Z"));
    }

    @Test
    void a_single_day_is_a_valid_range() {
        ReportRange range = ReportRange.ofDays(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25));

        assertThat(range.to()).isBefore(Instant.parse("2026-11-26T00:00:00Z")).isAfter(range.from());
    }

    @Test
    void a_reversed_or_missing_range_is_refused() {
        assertThatThrownBy(() -> ReportRange.ofDays(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 24)))
                .isInstanceOf(AuditSearch.InvalidCriteria.class);
        assertThatThrownBy(() -> ReportRange.ofDays(null, LocalDate.of(2026, 11, 24)))
                .isInstanceOf(AuditSearch.InvalidCriteria.class);
    }
}
