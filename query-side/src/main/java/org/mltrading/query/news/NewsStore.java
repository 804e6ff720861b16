package org.mltrading.query.news;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mltrading.api.news.SentimentScore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * News items in MongoDB (collection {@value #COLLECTION}), one document per (source, itemId): the
 * {@code _id} is "source/itemId", so storing an item twice is refused by the database itself, whichever
 * node or import tries (idempotent by construction, no read-then-write race).
 */
@Component
public class NewsStore {

    static final String COLLECTION = "news";

    private final MongoCollection<Document> news;

    NewsStore(MongoTemplate mongo) {
        this.news = mongo.getCollection(COLLECTION);
        news.createIndex(Indexes.compoundIndex(Indexes.ascending("symbols"), Indexes.descending("publishedAt")));
        news.createIndex(Indexes.descending("publishedAt"));
    }

    /** Stores the item unless one with its (source, itemId) is stored; true when stored now. */
    public boolean insertIfAbsent(NewsItem item) {
        try {
            news.insertOne(toDocument(item));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Items published in [from, to], concerning the symbol (any when null), newest first, after the
     * position {@code after} (exclusive; null = from the newest), at most {@code limit}.
     */
    public List<NewsItem> find(String symbol, Instant from, Instant to, NewsCursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (symbol != null) {
            filters.add(Filters.eq("symbols", symbol));
        }
        filters.add(Filters.gte("publishedAt", Date.from(from)));
        filters.add(Filters.lte("publishedAt", Date.from(to)));
        if (after != null) {
            Date at = Date.from(after.publishedAt());
            filters.add(Filters.or(Filters.lt("publishedAt", at),
                    Filters.and(Filters.eq("publishedAt", at), Filters.lt("_id", after.id()))));
        }
        List<NewsItem> items = new ArrayList<>();
        news.find(Filters.and(filters)).sort(Sorts.descending("publishedAt", "_id")).limit(limit)
                .forEach(document -> items.add(fromDocument(document)));
        return items;
    }

    public long count() {
        return news.countDocuments();
    }

    private static Document toDocument(NewsItem item) {
        List<Document> mentions = item.mentions().stream()
                .map(m -> new Document("symbol", m.symbol()).append("score", m.score())).toList();
        SentimentScore sentiment = item.sentiment();
        return new Document("_id", item.id())
                .append("source", item.source())
                .append("itemId", item.itemId())
                .append("kind", item.kind().name())
                .append("publishedAt", Date.from(item.publishedAt()))
                .append("receivedAt", Date.from(item.receivedAt()))
                .append("headline", item.headline())
                .append("body", item.body())
                .append("language", item.language())
                .append("symbols", item.symbols())
                .append("url", item.url())
                .append("sentiment", new Document("compound", sentiment.compound())
                        .append("positive", sentiment.positive())
                        .append("negative", sentiment.negative())
                        .append("neutral", sentiment.neutral()))
                .append("mentions", mentions);
    }

    private static NewsItem fromDocument(Document document) {
        Document sentiment = document.get("sentiment", Document.class);
        List<NewsItem.Mention> mentions = new ArrayList<>();
        for (Document mention : document.getList("mentions", Document.class, List.of())) {
            mentions.add(new NewsItem.Mention(mention.getString("symbol"), number(mention, "score")));
        }
        return new NewsItem(document.getString("source"), document.getString("itemId"),
                NewsKind.valueOf(document.getString("kind")), document.getDate("publishedAt").toInstant(),
                document.getDate("receivedAt").toInstant(), document.getString("headline"),
                document.getString("body"), document.getString("language"),
                document.getList("symbols", String.class, List.of()), document.getString("url"),
                new SentimentScore(number(sentiment, "compound"), number(sentiment, "positive"),
                        number(sentiment, "negative"), number(sentiment, "neutral")),
                mentions);
    }

    private static double number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
