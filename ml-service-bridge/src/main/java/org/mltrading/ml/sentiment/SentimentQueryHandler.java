package org.mltrading.ml.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.news.ScoreSentimentQuery;
import org.mltrading.api.news.SentimentScore;
import org.springframework.stereotype.Component;

/** Scores texts for the rest of the platform (news ingest, the GraphQL {@code scoreSentiment} query). */
@Component
class SentimentQueryHandler {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @QueryHandler
    List<SentimentScore> handle(ScoreSentimentQuery query) {
        List<SentimentScore> scores = new ArrayList<>(query.texts().size());
        for (String text : query.texts()) {
            scores.add(analyzer.score(text));
        }
        return scores;
    }
}
