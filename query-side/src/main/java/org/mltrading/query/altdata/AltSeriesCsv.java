package org.mltrading.query.altdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads alternative-data series as CSV: a header naming {@code time}, {@code series}, {@code value} and
 * optionally {@code symbol} (or {@code instrument}), in any order; one observation per line. Times are
 * ISO-8601 with offset or a date (the day's start, UTC); series names are 1-64 of a-z, 0-9, {@code _ . -};
 * values are finite numbers. A bad line is skipped and named with its number; the others load.
 */
public final class AltSeriesCsv {

    static final Pattern SERIES = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public record Skipped(int line, String reason) {
    }

    public record Parsed(List<AltPoint> points, List<Skipped> skipped) {
    }

    private AltSeriesCsv() {
    }

    /** @throws IllegalArgumentException when the header lacks a required column (nothing is readable) */
    public static Parsed parse(String csv, int firstLine) {
        return parse(csv, firstLine, symbol -> true);
    }

    /** As above; a row whose symbol {@code known} refuses is skipped and named. */
    public static Parsed parse(String csv, int firstLine, java.util.function.Predicate<String> known) {
        String[] lines = csv.split("\r?\n", -1);
        int header = -1;
        for (int i = 0; i < lines.length && header < 0; i++) {
            if (!lines[i].isBlank()) {
                header = i;
            }
        }
        if (header < 0) {
            return new Parsed(List.of(), List.of());
        }
        List<String> columns = List.of(lines[header].replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(",", -1))
                .stream().map(String::strip).toList();
        int time = columns.indexOf("time");
        int series = columns.indexOf("series");
        int value = columns.indexOf("value");
        int symbol = columns.indexOf("symbol") >= 0 ? columns.indexOf("symbol") : columns.indexOf("instrument");
        if (time < 0 || series < 0 || value < 0) {
            throw new IllegalArgumentException("line " + (firstLine + header) + ": the header must name time, series and value"
                    + " (and optionally symbol); found " + String.join(",", columns));
        }
        List<AltPoint> points = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int number = firstLine + i;
            String[] fields = lines[i].split(",", -1);
            if (fields.length != columns.size()) {
                skipped.add(new Skipped(number, "expected " + columns.size() + " fields, found " + fields.length));
                continue;
            }
            String name = fields[series].strip();
            if (!SERIES.matcher(name).matches()) {
                skipped.add(new Skipped(number, "series '" + name + "' is not 1-64 of a-z, 0-9, _ . -"));
                continue;
            }
            Instant at;
            try {
                at = instant(fields[time].strip());
            } catch (DateTimeParseException e) {
                skipped.add(new Skipped(number, "time '" + fields[time].strip() + "' is not ISO-8601 (2013-01-23 or 2013-01-23T21:30:00Z)"));
                continue;
            }
            double number2;
            try {
                number2 = Double.parseDouble(fields[value].strip());
            } catch (NumberFormatException e) {
                skipped.add(new Skipped(number, "value '" + fields[value].strip() + "' is not a number"));
                continue;
            }
            if (!Double.isFinite(number2)) {
                skipped.add(new Skipped(number, "value must be finite"));
                continue;
            }
            String instrument = symbol >= 0 ? fields[symbol].strip().toUpperCase(Locale.ROOT) : "";
            if (!instrument.isEmpty() && !known.test(instrument)) {
                skipped.add(new Skipped(number, "symbol " + instrument + " is not in the instrument catalogue"));
                continue;
            }
            points.add(new AltPoint(at, name, instrument, number2));
        }
        return new Parsed(points, skipped);
    }

    private static Instant instant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }
}
