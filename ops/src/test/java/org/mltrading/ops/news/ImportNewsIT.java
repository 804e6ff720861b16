package org.mltrading.ops.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.RunningPlatform;

/** ops/import-news against the shared platform: what loads, what is named, and the exit codes. */
class ImportNewsIT {

    private static RunningPlatform platform;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
    }

    private int run(String... args) {
        return new ImportNews(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, platform.settings(), null);
    }

    @Test
    void a_file_with_a_bad_line_loads_the_rest_names_the_line_and_exits_3_then_0_when_fixed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wire-feed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"headline\":\"Nvidia surges on record demand\",\"publishedAt\":\"2026-02-02T14:00:00Z\"}",
                "{\"id\":\"b\",\"headline\":\"no time here\"}",
                "",
                "{\"id\":\"c\",\"headline\":\"$AAPL slips after a downgrade\",\"publishedAt\":\"2026-02-02T15:00:00Z\"}") + "\n");

        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportNews.SOME_SKIPPED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":2: publishedAt is missing");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(file + ": 2 loaded, 0 already stored (source wire-feed)");

        Files.writeString(file, Files.readString(file).replace("{\"id\":\"b\",\"headline\":\"no time here\"}", ""));
        out.reset();
        assertThat(run(file.toString())).isEqualTo(ImportNews.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 loaded, 2 already stored");

        String news = platform.graphql(platform.integratorToken(), """
                { news(symbol: "NVDA", from: "2026-02-02T00:00:00Z", to: "2026-02-03T00:00:00Z") { edges { node { id sentiment { label } } } } }""",
                null).data().toString();
        assertThat(news).contains("wire-feed/a").contains("POSITIVE");
    }

    @Test
    void a_reuters_21578_file_loads_its_articles_and_names_the_unreadable_one(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reut2-000.sgm");
        Files.writeString(file, ReutersSgmlTest.SGML, StandardCharsets.ISO_8859_1);

        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ImportNews.SOME_SKIPPED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":19: article 3 has no TITLE")
                .contains(file + ":25: article 4: DATE");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(file + ": 2 loaded");
        String news = platform.graphql(platform.integratorToken(), """
                { news(from: "1987-02-26T00:00:00Z", to: "1987-02-27T00:00:00Z") { edges { node { id headline } } } }""",
                null).data().toString();
        assertThat(news).contains("reuters-21578/1").contains("BAHIA COCOA REVIEW");
    }

    @Test
    void nothing_loadable_and_bad_arguments_exit_2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.jsonl");
        Files.writeString(file, "not json\n{\"id\":1}\n");
        assertThat(run(file.toString())).isEqualTo(ImportNews.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":1: not a JSON object").contains("nothing loadable");

        assertThat(run()).isEqualTo(ImportNews.BAD_INPUT);
        assertThat(run("--bogus", file.toString())).isEqualTo(ImportNews.BAD_INPUT);
        assertThat(run(dir.resolve("missing.jsonl").toString())).isEqualTo(ImportNews.BAD_INPUT);
    }

    @Test
    void an_unreachable_platform_exits_1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.jsonl");
        Files.writeString(file, "{\"id\":\"x\",\"headline\":\"x\",\"publishedAt\":\"2026-02-02T14:00:00Z\"}\n");
        int code = new ImportNews(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {file.toString()}, RunningPlatform.settingsFor(dir), null);
        assertThat(code).isEqualTo(ImportNews.UNREACHABLE_OR_REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not reachable");
    }
}
