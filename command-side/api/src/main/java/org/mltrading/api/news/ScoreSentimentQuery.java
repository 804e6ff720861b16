package org.mltrading.api.news;

import java.util.List;

/**
 * Scores texts with the ML bridge's sentiment model (answered with a list of {@link SentimentScore}, one
 * per text, in order). One query carries a batch so an import scores its items in one hop.
 */
public record ScoreSentimentQuery(List<String> texts) {

    public ScoreSentimentQuery {
        texts = List.copyOf(texts);
    }
}
