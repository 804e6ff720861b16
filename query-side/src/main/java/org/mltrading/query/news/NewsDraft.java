package org.mltrading.query.news;

import java.time.Instant;
import java.util.List;

/**
 * A news or social item as a feed delivers it, before the platform recognises its instruments and
 * scores it. {@code symbols} are the instruments the feed itself names (may be empty).
 */
public record NewsDraft(String source, String itemId, NewsKind kind, Instant publishedAt, String headline,
                        String body, String language, List<String> symbols, String url) {

    public NewsDraft {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        language = language == null || language.isBlank() ? "en" : language;
        kind = kind == null ? NewsKind.NEWS : kind;
    }

    /** The text scored and searched for instruments. */
    public String text() {
        return body == null || body.isBlank() ? headline : headline + "\n" + body;
    }
}
