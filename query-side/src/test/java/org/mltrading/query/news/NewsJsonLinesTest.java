package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsJsonLinesTest {

    @Test
    void good_lines_load_and_bad_lines_are_named_with_their_reason() {
        String file = String.join("\n",
                "{\"id\":\"1\",\"headline\":\"Apple beats estimates\",\"publishedAt\":\"2013-01-23T21:30:00Z\",\"symbols\":[\"AAPL\"]}",
                "not json at all",
                "",
                "{\"id\":\"2\",\"publishedAt\":\"2013-01-23T21:30:00Z\"}",
                "{\"id\":\"3\",\"headline\":\"x\",\"publishedAt\":\"yesterday\"}",
                "{\"id\":\"4\",\"headline\":\"x\",\"publishedAt\":\"2013-01-23T21:30:00+01:00\",\"kind\":\"rumour\"}",
                "{\"id\":\"1\",\"headline\":\"again\",\"publishedAt\":\"2013-01-23T21:30:00Z\"}",
                "{\"source\":\"other\",\"id\":\"1\",\"headline\":\"Same id, other source\",\"publishedAt\":\"2013-01-24T09:00:00-05:00\",\"kind\":\"social\"}");

        NewsJsonLines.Parsed parsed = NewsJsonLines.parse(file, "wire", 10);

        assertThat(parsed.items()).extracting(NewsDraft::itemId).containsExactly("1", "1");
        assertThat(parsed.items().get(0).source()).isEqualTo("wire");
        assertThat(parsed.items().get(0).symbols()).containsExactly("AAPL");
        assertThat(parsed.items().get(0).language()).isEqualTo("en");
        assertThat(parsed.items().get(1).kind()).isEqualTo(NewsKind.SOCIAL);
        assertThat(parsed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2013-01-24T14:00:00Z"));
        assertThat(parsed.skipped()).extracting(NewsJsonLines.Skipped::line).containsExactly(11, 13, 14, 15, 16);
        assertThat(parsed.skipped().get(0).reason()).startsWith("not a JSON object");
        assertThat(parsed.skipped().get(1).reason()).isEqualTo("headline is missing");
        assertThat(parsed.skipped().get(2).reason()).contains("publishedAt 'yesterday'");
        assertThat(parsed.skipped().get(3).reason()).isEqualTo("kind 'rumour' is not NEWS or SOCIAL");
        assertThat(parsed.skipped().get(4).reason()).isEqualTo("duplicate of line 10 (same source and id)");
    }
}
