package org.mltrading.ops.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV to import: a file, or a classpath resource (the demo datasets of ta4j-examples). {@code name}
 * is what errors and the stored {@code source} ({@code import:<name>}) call it.
 */
public record HistoryInput(String name, String location, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static HistoryInput file(Path path) {
        return new HistoryInput(path.getFileName().toString(), path.toString(), () -> Files.newInputStream(path));
    }

    public static HistoryInput resource(String resource, String from) {
        return new HistoryInput(resource, resource + " in " + from, () -> {
            InputStream stream = HistoryInput.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IOException(resource + " is not on the classpath (is " + from + " a dependency?)");
            }
            return stream;
        });
    }

    /**
     * A bar series in ta4j's JSON layout ({@code {"ohlc": [{"endTime": ms, "openPrice", "highPrice",
     * "lowPrice", "closePrice", "volume"}]}}, endTime the bar's last millisecond) read as the CSV the
     * importer takes: {@code time,open,high,low,close,volume} with the bar's start as ISO-8601.
     */
    public static HistoryInput ta4jJsonBars(String resource, String from, java.time.Duration barLength) {
        HistoryInput json = resource(resource, from);
        return new HistoryInput(resource, json.location(), () -> {
            com.fasterxml.jackson.databind.JsonNode series;
            try (InputStream in = json.opener().open()) {
                series = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            }
            StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
            for (com.fasterxml.jackson.databind.JsonNode bar : series.path("ohlc")) {
                long start = bar.path("endTime").asLong() + 1 - barLength.toMillis();
                csv.append(java.time.Instant.ofEpochMilli(start)).append(',')
                        .append(bar.path("openPrice").asText()).append(',').append(bar.path("highPrice").asText()).append(',')
                        .append(bar.path("lowPrice").asText()).append(',').append(bar.path("closePrice").asText()).append(',')
                        .append(bar.path("volume").asText()).append('\n');
            }
            return new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The value of the {@code source} column of every imported row; re-imports of a file share it. */
    public String source() {
        return "import:" + name;
    }

    Reader reader() throws IOException {
        return new InputStreamReader(opener.open(), StandardCharsets.UTF_8);
    }
}
