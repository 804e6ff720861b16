package org.mltrading.ops.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * ops/import-series against the shared platform with a real public series: NOAA's Seattle daily weather
 * 2012-2015 (public domain, from npm vega-datasets at build time), then read back with altSeries.
 */
class ImportSeriesIT {

    private static RunningPlatform platform;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
    }

    private int run(String... args) {
        return new ImportSeries(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, platform.settings(), null);
    }

    @Test
    void the_seattle_weather_file_loads_as_four_daily_series_that_read_back_exactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seattle-weather.csv");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/public-series/seattle-weather.csv"))) {
            Files.copy(in, file);
        }
        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportSeries.OK);
        // 1,461 days × the four numeric columns (the "weather" column is words)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5844 observations loaded into [seattle-weather_precipitation,"
                + " seattle-weather_temp_max, seattle-weather_temp_min, seattle-weather_wind]");

        String query = """
                { altSeries(series: "seattle-weather_temp_max", from: "2012-01-01T00:00:00Z", to: "2012-01-03T00:00:00Z") {
                    time series symbol value } }""";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode points = platform.graphql(platform.integratorToken(), query, null).data().get("altSeries");
        while (points.size() < 3 && System.nanoTime() < deadline) { // QuestDB applies its WAL asynchronously
            Thread.sleep(250);
            points = platform.graphql(platform.integratorToken(), query, null).data().get("altSeries");
        }
        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("time").asText()).isEqualTo("2012-01-01T00:00:00Z");
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(12.8);
        assertThat(points.get(1).get("value").asDouble()).isEqualTo(10.6);
        assertThat(points.get(0).get("symbol").isNull()).isTrue();
    }

    @Test
    void a_long_file_with_bad_rows_loads_the_rest_names_them_and_exits_3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("web.csv");
        Files.writeString(file, String.join("\n", "time,series,value,symbol",
                "2026-01-05T00:00:00Z,web_visits,1200,AAPL",
                "2026-01-06T00:00:00Z,web_visits,lots,AAPL",
                "2026-01-07T00:00:00Z,web_visits,1300,NOPE",
                "2026-01-08T00:00:00Z,web_visits,1250,AAPL") + "\n");
        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportSeries.SOME_SKIPPED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":3: value 'lots' is not a number")
                .contains(file + ":4: symbol NOPE is not in the instrument catalogue");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 observations loaded into [web_visits]");

        assertThat(run(dir.resolve("missing.csv").toString())).isEqualTo(ImportSeries.BAD_INPUT);
        Path words = dir.resolve("words.csv");
        Files.writeString(words, "date,weather\n2012-01-01,rain\n");
        assertThat(run(words.toString())).isEqualTo(ImportSeries.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no numeric column");
    }
}
