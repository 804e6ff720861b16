package org.mltrading.ops.history;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the time column of a history file is written. Every value becomes microseconds since the epoch,
 * UTC (QuestDB's designated timestamp); a value more precise than a microsecond is refused rather than
 * truncated, so two distinct times never collapse into one.
 */
public enum TimeFormat {

    /** {@code 2013-01-02}: the start of that day, UTC. */
    DATE {
        @Override
        long toMicros(String text) {
            if (!DATE_PATTERN.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a date (yyyy-MM-dd)");
            }
            try {
                return Math.multiplyExact(LocalDate.parse(text).toEpochDay(), MICROS_PER_DAY);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date (yyyy-MM-dd)");
            }
        }
    },

    /**
     * ISO-8601: {@code 2013-01-02T14:30:00Z}, with an offset ({@code +01:00}), or without one (read as
     * UTC); a space may stand for the {@code T}; a plain date is the start of that day.
     */
    ISO {
        @Override
        long toMicros(String text) {
            String normalized = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            Instant instant;
            try {
                instant = OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException offsetMissing) {
                try {
                    instant = LocalDateTime.parse(normalized, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDateTime) {
                    if (!DATE_PATTERN.matcher(text).matches()) {
                        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time");
                    }
                    return DATE.toMicros(text);
                }
            }
            if (instant.getNano() % 1_000 != 0) {
                throw new IllegalArgumentException("'" + text + "' is more precise than a microsecond");
            }
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        }
    },

    /** Seconds since 1970-01-01 UTC, optionally with up to 6 decimals: {@code 1385337600}. */
    EPOCH_SECONDS {
        @Override
        long toMicros(String text) {
            return epoch(text, 6, 1_000_000L, "epoch seconds");
        }
    },

    /** Milliseconds since 1970-01-01 UTC, optionally with up to 3 decimals: {@code 1385337600000}. */
    EPOCH_MILLIS {
        @Override
        long toMicros(String text) {
            return epoch(text, 3, 1_000L, "epoch milliseconds");
        }
    };

    static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EPOCH_PATTERN = Pattern.compile("\\d+(\\.\\d+)?");

    /** Microseconds since the epoch (UTC) of {@code text}; IllegalArgumentException says why not. */
    abstract long toMicros(String text);

    /** The command-line spelling: {@code date}, {@code iso}, {@code epoch-seconds}, {@code epoch-millis}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TimeFormat parse(String option) {
        for (TimeFormat format : values()) {
            if (format.option().equalsIgnoreCase(option.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("--time-format must be date, iso, epoch-seconds or epoch-millis, was '"
                + option + "'");
    }

    /**
     * The format of a file, told from its first time value: a date, an ISO time, or digits — epoch
     * milliseconds from 12 integer digits on (as seconds that would be after the year 5000), else seconds.
     */
    public static TimeFormat detect(String sample) {
        if (DATE_PATTERN.matcher(sample).matches()) {
            return DATE;
        }
        if (sample.length() > 10 && DATE_PATTERN.matcher(sample.substring(0, 10)).matches()) {
            return ISO;
        }
        if (EPOCH_PATTERN.matcher(sample).matches()) {
            int integerDigits = sample.indexOf('.') < 0 ? sample.length() : sample.indexOf('.');
            return integerDigits >= 12 ? EPOCH_MILLIS : EPOCH_SECONDS;
        }
        throw new IllegalArgumentException("cannot tell the time format of '" + sample
                + "' (pass --time-format date|iso|epoch-seconds|epoch-millis)");
    }

    private static long epoch(String text, int maxDecimals, long microsPerUnit, String what) {
        if (!EPOCH_PATTERN.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            throw new IllegalArgumentException("'" + text + "' is more precise than a microsecond");
        }
        try {
            return value.multiply(BigDecimal.valueOf(microsPerUnit)).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + what);
        }
    }
}
