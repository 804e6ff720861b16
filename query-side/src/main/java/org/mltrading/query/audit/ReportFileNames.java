package org.mltrading.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * File names of the reports, from their range: whole UTC days read as days
 * ({@code order-audit-trail_2026-11-25_2026-11-26.csv}, or one date for one day), any other bound as
 * a compact UTC time ({@code 2026-11-25T103000Z}). The inclusive end of a day,
 * {@code 23:59:59.999999999Z}, had no place in a name people read and file; colons break file names
 * on Windows.
 */
final class ReportFileNames {

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ReportFileNames() {
    }

    static String of(String report, Instant from, Instant to, String accountId) {
        return report + "_" + range(from, to) + (accountId == null ? "" : "_" + accountId) + ".csv";
    }

    static String range(Instant from, Instant to) {
        LocalDate firstDay = from.atOffset(ZoneOffset.UTC).toLocalDate();
        boolean startsADay = from.equals(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant());
        LocalDate lastDay = lastWholeDay(to);
        if (startsADay && lastDay != null && !lastDay.isBefore(firstDay)) {
            return firstDay.equals(lastDay) ? firstDay.toString() : firstDay + "_" + lastDay;
        }
        return COMPACT.format(from) + "_" + COMPACT.format(to);
    }

    /** The day {@code to} closes: its last nanosecond (inclusive end) or the next midnight; else null. */
    private static LocalDate lastWholeDay(Instant to) {
        LocalDate day = to.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant nextMidnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (to.equals(nextMidnight.minusNanos(1)) || to.equals(nextMidnight.minusMillis(1))) {
            return day;
        }
        if (to.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return day.minusDays(1);
        }
        return null;
    }
}
