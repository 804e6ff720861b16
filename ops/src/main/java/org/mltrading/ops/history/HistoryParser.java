package org.mltrading.ops.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.marketdata.Decimals;

/**
 * Reads and validates a whole history file before anything is sent, so a bad file is refused with the
 * line that is wrong and leaves nothing behind. The first line is a header naming the columns; fields
 * are comma-separated, optionally in double quotes ({@code ""} inside quotes is one quote); blank lines
 * are skipped. Numbers are plain decimals ({@code 123.45}, no exponent), read exactly as BigDecimal.
 */
public final class HistoryParser {

    /** Prices are DECIMAL(18, 8): at most 8 decimals and 10 integer digits (the tables' scales). */
    static final int PRICE_SCALE = Decimals.PRICE_SCALE;
    static final int PRICE_PRECISION = 18;
    /** Sizes and volumes are DECIMAL(38, 18). */
    static final int SIZE_SCALE = Decimals.SIZE_SCALE;
    static final int SIZE_PRECISION = 38;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** A file's times may lie a little ahead of the clock (time zones of the producer), not further. */
    private static final long FUTURE_TOLERANCE_MICROS = TimeFormat.MICROS_PER_DAY;

    private final Clock clock;

    public HistoryParser(Clock clock) {
        this.clock = clock;
    }

    /** The validated rows of a history file; {@code format} is the time format used (given or detected). */
    public record ParsedHistory(List<HistoryRow> rows, TimeFormat format, long firstMicros, long lastMicros) {

        public int size() {
            return rows.size();
        }
    }

    public ParsedHistory parse(ImportSpec spec, String fileName, Reader input) throws HistoryFileException, IOException {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input, 1 << 16);
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new HistoryFileException(fileName, 1, "empty file: the first line must be a header naming the columns");
        }
        if (headerLine.charAt(0) == '\uFEFF') {
            headerLine = headerLine.substring(1);
        }
        Layout layout = layout(spec, fileName, split(headerLine, fileName, 1));
        long maxMicros = Math.addExact(Math.multiplyExact(clock.instant().getEpochSecond(), 1_000_000L),
                FUTURE_TOLERANCE_MICROS);

        List<HistoryRow> rows = new ArrayList<>();
        Map<Long, Long> barLines = spec.kind() == HistoryKind.BARS ? new HashMap<>() : null;
        TimeFormat format = spec.timeFormat();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, fileName, lineNumber);
            if (fields.size() != layout.width()) {
                throw new HistoryFileException(fileName, lineNumber, "expected " + layout.width()
                        + " fields as in the header, found " + fields.size());
            }
            String timeText = fields.get(layout.time());
            long micros;
            try {
                if (format == null) {
                    format = TimeFormat.detect(timeText);
                }
                micros = format.toMicros(timeText);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new HistoryFileException(fileName, lineNumber, layout.timeName() + ": " + e.getMessage());
            }
            if (micros < 0 || micros > maxMicros) {
                throw new HistoryFileException(fileName, lineNumber, layout.timeName() + ": " + timeText + " is "
                        + Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)) + ", outside 1970 to now"
                        + (spec.timeFormat() == null ? " (pass --time-format)" : " (wrong --time-format?)"));
            }
            HistoryRow row = spec.kind() == HistoryKind.BARS
                    ? bar(spec.interval(), layout, fields, fileName, lineNumber, micros)
                    : trade(layout, fields, fileName, lineNumber, micros);
            if (barLines != null) {
                Long earlier = barLines.putIfAbsent(micros, lineNumber);
                if (earlier != null) {
                    throw new HistoryFileException(fileName, lineNumber, "a second bar for " + timeText
                            + " (the first is on line " + earlier + ")");
                }
            }
            rows.add(row);
            first = Math.min(first, micros);
            last = Math.max(last, micros);
        }
        if (rows.isEmpty()) {
            throw new HistoryFileException(fileName, lineNumber, "no data rows after the header");
        }
        // read-only without a second copy of a possibly large file
        return new ParsedHistory(java.util.Collections.unmodifiableList(rows), format, first, last);
    }

    private static HistoryRow.Bar bar(BarInterval interval, Layout layout, List<String> fields, String file, long line,
                                      long micros) throws HistoryFileException {
        long millis = Math.floorDiv(micros, 1_000L);
        if (micros % 1_000L != 0 || interval.startOf(millis) != millis) {
            throw new HistoryFileException(file, line, layout.timeName() + ": " + fields.get(layout.time())
                    + " is not the start of a " + interval + " bar (bars are aligned to the epoch, UTC)");
        }
        BigDecimal open = price(layout, fields, "open", file, line);
        BigDecimal high = price(layout, fields, "high", file, line);
        BigDecimal low = price(layout, fields, "low", file, line);
        BigDecimal close = price(layout, fields, "close", file, line);
        BigDecimal volume = layout.has("volume") ? size(layout, fields, "volume", file, line) : null;
        if (high.compareTo(low) < 0) {
            throw new HistoryFileException(file, line, "high " + high.toPlainString() + " is below low " + low.toPlainString());
        }
        for (String name : new String[] {"open", "close"}) {
            BigDecimal value = name.equals("open") ? open : close;
            if (value.compareTo(high) > 0 || value.compareTo(low) < 0) {
                throw new HistoryFileException(file, line, name + " " + value.toPlainString() + " is outside low "
                        + low.toPlainString() + " .. high " + high.toPlainString());
            }
        }
        return new HistoryRow.Bar(line, micros, open, high, low, close, volume);
    }

    private static HistoryRow.Trade trade(Layout layout, List<String> fields, String file, long line, long micros)
            throws HistoryFileException {
        return new HistoryRow.Trade(line, micros, price(layout, fields, "price", file, line),
                size(layout, fields, "size", file, line));
    }

    /** A price: positive, at most 8 decimals once trailing zeros are dropped, fits DECIMAL(18, 8). */
    private static BigDecimal price(Layout layout, List<String> fields, String field, String file, long line)
            throws HistoryFileException {
        BigDecimal value = decimal(layout, fields, field, file, line, PRICE_SCALE, PRICE_PRECISION);
        if (value.signum() <= 0) {
            throw new HistoryFileException(file, line, layout.column(field) + ": price must be positive, was "
                    + fields.get(layout.index(field)));
        }
        return value;
    }

    /** A size or volume: zero or more (real files have zero-size trades), fits DECIMAL(38, 18). */
    private static BigDecimal size(Layout layout, List<String> fields, String field, String file, long line)
            throws HistoryFileException {
        BigDecimal value = decimal(layout, fields, field, file, line, SIZE_SCALE, SIZE_PRECISION);
        if (value.signum() < 0) {
            throw new HistoryFileException(file, line, layout.column(field) + ": " + field + " must not be negative, was "
                    + fields.get(layout.index(field)));
        }
        return value;
    }

    private static BigDecimal decimal(Layout layout, List<String> fields, String field, String file, long line,
                                      int maxScale, int maxPrecision) throws HistoryFileException {
        String text = fields.get(layout.index(field));
        String column = layout.column(field);
        if (text.isEmpty()) {
            throw new HistoryFileException(file, line, column + ": empty");
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new HistoryFileException(file, line, column + ": '" + text + "' is not a decimal number");
        }
        BigDecimal value = org.mltrading.api.common.Decimals.normalised(new BigDecimal(text));
        if (value.scale() > maxScale) {
            throw new HistoryFileException(file, line, column + ": " + text + " has " + value.scale()
                    + " significant decimals, more than the " + maxScale + " stored");
        }
        if (value.precision() - value.scale() > maxPrecision - maxScale) {
            throw new HistoryFileException(file, line, column + ": " + text + " is too large (at most "
                    + (maxPrecision - maxScale) + " integer digits)");
        }
        return value;
    }

    /** Which field sits in which column. */
    private record Layout(int width, int time, String timeName, Map<String, Integer> indexes, Map<String, String> names) {

        boolean has(String field) {
            return indexes.containsKey(field);
        }

        int index(String field) {
            return indexes.get(field);
        }

        String column(String field) {
            return names.get(field);
        }
    }

    private static Layout layout(ImportSpec spec, String file, List<String> header) throws HistoryFileException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new HistoryFileException(file, 1, "header column " + (i + 1) + " has no name");
            }
            if (positions.putIfAbsent(name, i) != null) {
                throw new HistoryFileException(file, 1, "header names column '" + header.get(i) + "' twice");
            }
        }
        String available = " (header: " + String.join(",", header) + ")";

        int time;
        if (spec.timeColumn() != null) {
            Integer index = positions.get(spec.timeColumn().toLowerCase(Locale.ROOT));
            if (index == null) {
                throw new HistoryFileException(file, 1, "no time column '" + spec.timeColumn() + "'" + available);
            }
            time = index;
        } else {
            time = HistoryKind.TIME_COLUMN_NAMES.stream().filter(positions::containsKey).map(positions::get)
                    .findFirst().orElseThrow(() -> new HistoryFileException(file, 1, "no time column: none of "
                            + String.join(", ", HistoryKind.TIME_COLUMN_NAMES) + "; pass --time-column" + available));
        }

        Map<String, Integer> indexes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (HistoryKind.Field field : spec.kind().fields()) {
            String mapped = spec.columns().get(field.name());
            List<String> candidates = mapped != null ? List.of(mapped) : field.defaultColumns();
            Integer index = candidates.stream().map(c -> positions.get(c.toLowerCase(Locale.ROOT)))
                    .filter(i -> i != null && i != time).findFirst().orElse(null);
            if (index == null) {
                if (field.required() || mapped != null) {
                    throw new HistoryFileException(file, 1, "no column for " + field.name() + ": looked for "
                            + String.join(" or ", candidates) + "; map it with --columns " + field.name() + "=<column>"
                            + available);
                }
                continue;
            }
            indexes.put(field.name(), index);
            names.put(field.name(), header.get(index));
        }
        return new Layout(header.size(), time, header.get(time), Map.copyOf(indexes), Map.copyOf(names));
    }

    /** Splits one CSV line; fields are trimmed unless quoted. */
    static List<String> split(String line, String file, long lineNumber) throws HistoryFileException {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw new HistoryFileException(file, lineNumber, "a quoted field is not closed (field "
                                + (fields.size() + 1) + ")");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < length && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new HistoryFileException(file, lineNumber, "text after a quoted field (field "
                            + (fields.size() + 1) + ")");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                fields.add(line.substring(Math.min(i, end), end).trim());
                i = end;
            }
            field.setLength(0);
            if (i >= length) {
                return fields;
            }
            i++; // the comma
            if (i == length) {
                fields.add("");
                return fields;
            }
        }
    }
}
