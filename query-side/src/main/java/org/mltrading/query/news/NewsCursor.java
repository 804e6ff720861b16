package org.mltrading.query.news;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** A position in the newest-first news list: (publishedAt, id), opaque to clients (base64url). */
public record NewsCursor(Instant publishedAt, String id) {

    public static NewsCursor of(NewsItem item) {
        return new NewsCursor(item.publishedAt(), item.id());
    }

    public String encode() {
        String raw = publishedAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or an IllegalArgumentException when the text is not one this API gave out. */
    public static NewsCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new NewsCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("after is not a cursor of the news list");
        }
    }
}
