package org.mltrading.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mltrading.ops.history.ImportHistory;

/**
 * The real AAPL daily bars of 2013 (ta4j-examples) imported into a running platform with ops' own
 * importer, as {@code ops/import-history} does, under their own file name (ImportHistoryIT explains why).
 */
public final class AppleDailyHistory {

    private static final String APPLE = "appleinc_bars_from_20130101_usd.csv";

    private AppleDailyHistory() {
    }

    /** Imports the file and waits until the platform serves every bar; answers the CSV rows. */
    public static List<String[]> importInto(RunningPlatform platform, String token, Path dir) throws Exception {
        Path file = dir.resolve("aapl-daily-2013.csv");
        try (InputStream in = Objects.requireNonNull(AppleDailyHistory.class.getClassLoader().getResourceAsStream(APPLE))) {
            Files.copy(in, file);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ImportHistory(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .run(new String[] {"--kind", "bars", "--symbol", "AAPL", "--interval", "ONE_DAY", file.toString()},
                        platform.settings());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(","));
            }
        }
        // the rows must be visible (QuestDB applies its WAL asynchronously) before anything reads them
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int served = 0;
        while (System.nanoTime() < deadline) {
            served = platform.graphql(token, """
                    { bars(symbol: "AAPL", interval: ONE_DAY, from: "2013-01-01T00:00:00Z", to: "2013-12-31T00:00:00Z") { time } }""",
                    null).data().get("bars").size();
            if (served == rows.size()) {
                return rows;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform serves " + served + " of " + rows.size() + " imported AAPL bars");
    }
}
