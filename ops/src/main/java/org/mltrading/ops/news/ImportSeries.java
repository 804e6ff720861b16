package org.mltrading.ops.news;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mltrading.ops.PlatformGraphQl;
import org.mltrading.ops.PlatformSettings;

/**
 * {@code ops/import-series}: loads alternative-data series from CSV into the running platform through
 * {@code importSeries}. Two layouts: <b>long</b> (a header naming time, series, value and optionally
 * symbol: sent as it is) and <b>wide</b> (a time column and one column per series, as public datasets come,
 * e.g. NOAA's {@code date,precipitation,temp_max,...}): each chosen numeric column becomes the series
 * {@code <prefix><column>}. Skipped lines are printed as {@code file:line: reason}. Exit codes: 0 loaded,
 * 1 platform not reachable or refused, 2 bad arguments or nothing loadable, 3 loaded with some lines skipped.
 */
public final class ImportSeries {

    public static final int OK = 0;
    public static final int UNREACHABLE_OR_REFUSED = 1;
    public static final int BAD_INPUT = 2;
    public static final int SOME_SKIPPED = 3;
    static final int BATCH_ROWS = 20_000;

    static final String USAGE = """
            Usage: ops/import-series [options] FILE.csv
              long layout: a header naming time, series, value and optionally symbol (any order)
              wide layout: a time column and one column per series (e.g. date,precipitation,temp_max)
                --time-column NAME   the time column of a wide file (default: the first column)
                --columns a,b        the columns to import (default: those whose first value is a number)
                --prefix P           series names are P + column (default: the file name + "_")
                --symbol SYMBOL      the instrument the series are about (default: market-wide)
              --client ID:SECRET     an ADMIN client (default demo-admin, local profile); or PLATFORM_TOKEN
            Times: ISO-8601 with offset, or a date (the day's start, UTC). Re-importing replaces values.
            Exit codes: 0 loaded, 1 platform not reachable or refused, 2 bad arguments or nothing loadable,
            3 loaded with some lines skipped (each printed as file:line: reason).
            """;
    private static final String MUTATION =
            "mutation($input: ImportSeriesInput!) { importSeries(input: $input) { loaded series skipped { line reason } } }";

    private final PrintStream out;
    private final PrintStream err;

    public ImportSeries(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ImportSeries(System.out, System.err).run(args, PlatformSettings.fromEnvironment(),
                System.getenv("PLATFORM_TOKEN")));
    }

    /** Rows in the long layout, each with the file line it comes from. */
    record LongRows(List<String> rows, List<Integer> origins, List<String> problems) {
    }

    public int run(String[] args, PlatformSettings settings, String token) {
        String timeColumn = null;
        List<String> columns = null;
        String prefix = null;
        String symbol = "";
        String client = "demo-admin:demo-admin-secret";
        Path file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.print(USAGE);
                    return OK;
                }
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--time-column" -> timeColumn = value.toLowerCase(Locale.ROOT);
                        case "--columns" -> columns = Arrays.stream(value.split(",")).map(c -> c.strip().toLowerCase(Locale.ROOT))
                                .filter(c -> !c.isEmpty()).toList();
                        case "--prefix" -> prefix = value;
                        case "--symbol" -> symbol = value.strip().toUpperCase(Locale.ROOT);
                        case "--client" -> client = value;
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                } else if (file == null) {
                    file = Path.of(arg);
                } else {
                    throw new IllegalArgumentException("one file at a time");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no file given");
            }
        } catch (IllegalArgumentException e) {
            err.println("import-series: " + e.getMessage());
            err.println("Run ops/import-series --help for the usage.");
            return BAD_INPUT;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("import-series: cannot read " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        String name = file.getFileName().toString();
        String defaultPrefix = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        LongRows rows;
        try {
            rows = longRows(lines, timeColumn, columns,
                    prefix != null ? prefix : defaultPrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_") + "_", symbol);
        } catch (IllegalArgumentException e) {
            err.println("import-series: " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        int skipped = 0;
        for (String problem : rows.problems()) {
            err.println(file + ":" + problem);
            skipped++;
        }
        int loaded = 0;
        TreeSet<String> series = new TreeSet<>();
        try {
            PlatformGraphQl api = new PlatformGraphQl(settings);
            String bearer = token != null && !token.isBlank() ? token : api.clientToken(client, "read admin");
            for (int start = 0; start < rows.rows().size(); start += BATCH_ROWS) {
                int end = Math.min(rows.rows().size(), start + BATCH_ROWS);
                String csv = "time,series,value,symbol\n" + String.join("\n", rows.rows().subList(start, end));
                JsonNode answer = api.post(bearer, MUTATION, Map.of("input", Map.of("source", name, "csv", csv, "firstLine", 1)));
                JsonNode errors = answer.get("errors");
                if (errors != null && !errors.isEmpty()) {
                    JsonNode first = errors.get(0);
                    err.println("import-series: " + file + " refused (" + first.path("extensions").path("code").asText("no code")
                            + "): " + first.path("message").asText());
                    return UNREACHABLE_OR_REFUSED;
                }
                JsonNode result = answer.path("data").path("importSeries");
                loaded += result.path("loaded").asInt();
                result.path("series").forEach(s -> series.add(s.asText()));
                for (JsonNode line : result.path("skipped")) {
                    // the batch's line n (1 = header) is rows[start + n − 2]
                    err.println(file + ":" + rows.origins().get(start + line.path("line").asInt() - 2) + ": "
                            + line.path("reason").asText());
                    skipped++;
                }
            }
        } catch (IOException e) {
            err.println("import-series: the platform is not reachable at " + settings.platformUrl() + " (" + e.getMessage()
                    + "); is it running (ops/run)?");
            return UNREACHABLE_OR_REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE_OR_REFUSED;
        }
        out.println(file + ": " + loaded + " observations loaded into " + series + ", " + skipped + " lines skipped");
        if (loaded == 0) {
            err.println("import-series: nothing loadable");
            return BAD_INPUT;
        }
        return skipped > 0 ? SOME_SKIPPED : OK;
    }

    /** The file as long rows "time,series,value,symbol"; wide files are unpivoted. */
    static LongRows longRows(List<String> lines, String timeColumn, List<String> chosen, String prefix, String symbol) {
        int headerAt = 0;
        while (headerAt < lines.size() && lines.get(headerAt).isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.size()) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> header = Arrays.stream(lines.get(headerAt).replace("\uFEFF", "").split(",", -1))
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> rows = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (header.contains("series") && header.contains("value") && header.contains("time")) {
            int time = header.indexOf("time");
            int series = header.indexOf("series");
            int value = header.indexOf("value");
            int instrument = header.contains("symbol") ? header.indexOf("symbol") : header.indexOf("instrument");
            for (int i = headerAt + 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", -1);
                if (f.length != header.size()) {
                    problems.add((i + 1) + ": expected " + header.size() + " fields, found " + f.length);
                    continue;
                }
                rows.add(f[time].strip() + "," + f[series].strip() + "," + f[value].strip() + ","
                        + (instrument >= 0 ? f[instrument].strip() : symbol));
                origins.add(i + 1);
            }
            return new LongRows(rows, origins, problems);
        }
        int time = timeColumn == null ? 0 : header.indexOf(timeColumn);
        if (time < 0) {
            throw new IllegalArgumentException("no time column " + timeColumn + " in " + header);
        }
        List<Integer> columns = new ArrayList<>();
        String[] firstRow = headerAt + 1 < lines.size() ? lines.get(headerAt + 1).split(",", -1) : new String[0];
        for (int c = 0; c < header.size(); c++) {
            if (c == time) {
                continue;
            }
            if (chosen != null ? chosen.contains(header.get(c)) : c < firstRow.length && isNumber(firstRow[c])) {
                columns.add(c);
            }
        }
        if (chosen != null && columns.size() != chosen.size()) {
            throw new IllegalArgumentException("--columns names columns the header does not have: " + header);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no numeric column besides the time column " + header.get(time));
        }
        for (int i = headerAt + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != header.size()) {
                problems.add((i + 1) + ": expected " + header.size() + " fields, found " + f.length);
                continue;
            }
            for (int c : columns) {
                rows.add(f[time].strip() + "," + prefix + header.get(c) + "," + f[c].strip() + "," + symbol);
                origins.add(i + 1);
            }
        }
        return new LongRows(rows, origins, problems);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
