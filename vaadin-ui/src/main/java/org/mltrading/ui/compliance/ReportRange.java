package org.mltrading.ui.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A report's date range in UTC days, both included: from the first instant of {@code from} to the
 * last nanosecond of {@code to} (the report queries take inclusive bounds).
 */
public record ReportRange(Instant from, Instant to) {

    public static ReportRange ofDays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new AuditSearch.InvalidCriteria("Choose both the first and the last day of the report.");
        }
        if (to.isBefore(from)) {
            throw new AuditSearch.InvalidCriteria("The last day of the report is before its first day.");
        }
        return new ReportRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
    }
}
