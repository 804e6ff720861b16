package org.mltrading.query.news;

import java.time.Instant;
import java.util.List;
import org.mltrading.api.news.SentimentScore;

/**
 * A stored news or social item: what the feed delivered, when the platform received it, the
 * instruments it concerns and its sentiment (of the whole text, and of the sentences naming each
 * instrument). Unique by (source, itemId).
 */
public record NewsItem(String source, String itemId, NewsKind kind, Instant publishedAt, Instant receivedAt,
                       String headline, String body, String language, List<String> symbols, String url,
                       SentimentScore sentiment, List<Mention> mentions) {

    /** The sentiment of the sentences of an item that name an instrument. */
    public record Mention(String symbol, double score) {
    }

    public NewsItem {
        symbols = List.copyOf(symbols);
        mentions = List.copyOf(mentions);
    }

    /** "source/itemId", the item's unique id. */
    public String id() {
        return id(source, itemId);
    }

    static String id(String source, String itemId) {
        return source + "/" + itemId;
    }
}
