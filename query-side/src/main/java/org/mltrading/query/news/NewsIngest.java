package org.mltrading.query.news;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.news.ScoreSentimentQuery;
import org.mltrading.api.news.SentimentScore;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one way news enters the platform (feeds, imports, the seed): recognises the instruments an item
 * concerns, scores it with the ML bridge's sentiment model (one query per batch), stores it once per
 * (source, id) and hands new items to live subscribers. Nothing is stored unscored: when scoring fails
 * the whole batch fails with {@link NewsUnavailableException} and the caller retries or reports it.
 */
@Service
public class NewsIngest {

    static final long SCORING_TIMEOUT_SECONDS = 10;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R");

    /** What a batch did: how many items were stored now, how many were stored already, the ones stored now. */
    public record Outcome(int loaded, int duplicates, List<NewsItem> stored) {
    }

    private final InstrumentMentions mentions;
    private final NewsStore store;
    private final NewsHub hub;
    private final SentimentSeriesStore series;
    private final QueryGateway queries;
    private final Clock clock;

    @Autowired
    NewsIngest(InstrumentCatalog catalog, NewsStore store, NewsHub hub, SentimentSeriesStore series, QueryGateway queries) {
        this(new InstrumentMentions(catalog), store, hub, series, queries, Clock.systemUTC());
    }

    NewsIngest(InstrumentMentions mentions, NewsStore store, NewsHub hub, SentimentSeriesStore series,
               QueryGateway queries, Clock clock) {
        this.mentions = mentions;
        this.store = store;
        this.hub = hub;
        this.series = series;
        this.queries = queries;
        this.clock = clock;
    }

    public Outcome ingest(List<NewsDraft> drafts) {
        if (drafts.isEmpty()) {
            return new Outcome(0, 0, List.of());
        }
        Instant received = clock.instant(); // when the platform got the items, before any work on them
        List<Set<String>> symbols = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (NewsDraft draft : drafts) {
            Set<String> concerned = new LinkedHashSet<>();
            draft.symbols().forEach(given -> mentions.known(given).ifPresent(concerned::add));
            concerned.addAll(mentions.in(draft.text()));
            symbols.add(concerned);
            texts.add(draft.text());
        }
        // per instrument: the sentences naming it (the item's own text where no sentence does)
        List<String> mentionTexts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String[] sentences = SENTENCE_END.split(drafts.get(i).text());
            List<Set<String>> named = new ArrayList<>(sentences.length);
            for (String sentence : sentences) {
                named.add(mentions.in(sentence)); // once per sentence, not once per sentence and instrument
            }
            for (String symbol : symbols.get(i)) {
                StringBuilder naming = new StringBuilder();
                for (int s = 0; s < sentences.length; s++) {
                    if (named.get(s).contains(symbol)) {
                        naming.append(sentences[s]).append(' ');
                    }
                }
                mentionTexts.add(naming.isEmpty() ? drafts.get(i).text() : naming.toString().strip());
            }
        }
        List<String> all = new ArrayList<>(texts);
        all.addAll(mentionTexts);
        List<SentimentScore> scores = score(all);

        int nextMention = drafts.size();
        List<NewsItem> scored = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            NewsDraft draft = drafts.get(i);
            List<NewsItem.Mention> itemMentions = new ArrayList<>();
            for (String symbol : symbols.get(i)) {
                itemMentions.add(new NewsItem.Mention(symbol, scores.get(nextMention++).compound()));
            }
            scored.add(new NewsItem(draft.source(), draft.itemId(), draft.kind(), draft.publishedAt(),
                    received, draft.headline(), draft.body(), draft.language(), List.copyOf(symbols.get(i)),
                    draft.url(), scores.get(i), itemMentions));
        }
        // the series first: an upsert, so a batch retried after a failure below writes the same rows again
        try {
            series.write(scored);
        } catch (java.sql.SQLException e) {
            throw new NewsUnavailableException("the sentiment series store did not take the items: " + e.getMessage(), e);
        }
        int loaded = 0;
        int duplicates = 0;
        List<NewsItem> stored = new ArrayList<>();
        for (NewsItem item : scored) {
            boolean inserted;
            try {
                inserted = store.insertIfAbsent(item);
            } catch (RuntimeException e) {
                // the items before this one are stored; a retry counts them as duplicates and stores the rest
                throw new NewsUnavailableException("the news store did not take the items: " + e.getMessage(), e);
            }
            if (inserted) {
                loaded++;
                stored.add(item);
                hub.publish(item);
            } else {
                duplicates++;
            }
        }
        return new Outcome(loaded, duplicates, stored);
    }

    private List<SentimentScore> score(List<String> texts) {
        try {
            List<SentimentScore> scores = queries.query(new ScoreSentimentQuery(texts),
                    ResponseTypes.multipleInstancesOf(SentimentScore.class)).get(SCORING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (scores == null || scores.size() != texts.size()) {
                throw new NewsUnavailableException("the sentiment model answered "
                        + (scores == null ? "nothing" : scores.size() + " scores for " + texts.size() + " texts"), null);
            }
            return scores;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsUnavailableException("interrupted while scoring", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NewsUnavailableException("the sentiment model could not score the items: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }
}
