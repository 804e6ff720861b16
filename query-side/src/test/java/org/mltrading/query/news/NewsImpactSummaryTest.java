package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.news.SentimentScore;

class NewsImpactSummaryTest {

    private static NewsImpactService.Impact impact(String source, NewsKind kind, double score, double abnormal) {
        NewsItem item = new NewsItem(source, "id-" + abnormal, kind, Instant.EPOCH, Instant.EPOCH, "h", null, "en",
                List.of("AAPL"), null, new SentimentScore(score, 0, 0, 1), List.of(new NewsItem.Mention("AAPL", score)));
        EventStudy.Result result = new EventStudy.Result(new EventStudy.Window(0, 1), Instant.EPOCH, Instant.EPOCH,
                abnormal + 0.001, abnormal, EventStudy.ExpectedReturnModel.MEAN_ADJUSTED, null, null, 20);
        return new NewsImpactService.Impact(item, "AAPL", BarInterval.ONE_DAY, null, result);
    }

    @Test
    void impacts_are_grouped_by_source_kind_and_sentiment_with_the_t_statistic_of_their_mean() {
        List<NewsImpactService.Group> groups = NewsImpactService.summarise(List.of(
                impact("wire", NewsKind.NEWS, 0.6, 0.02),
                impact("wire", NewsKind.NEWS, 0.5, 0.04),
                impact("social", NewsKind.SOCIAL, -0.7, -0.03)));

        assertThat(groups).extracting(NewsImpactService.Group::grouping)
                .containsExactly("SOURCE", "SOURCE", "KIND", "KIND", "SENTIMENT", "SENTIMENT");
        NewsImpactService.Group wire = groups.stream().filter(g -> g.key().equals("wire")).findFirst().orElseThrow();
        assertThat(wire.events()).isEqualTo(2);
        assertThat(wire.meanAbnormal()).isCloseTo(0.03, within(1e-12));
        // sd of {0.02, 0.04} = 0.01414…; t = 0.03 / (0.01414 / √2) = 3
        assertThat(wire.tStatistic()).isCloseTo(3.0, within(1e-9));
        assertThat(wire.positiveShare()).isEqualTo(1.0);
        NewsImpactService.Group negative = groups.stream().filter(g -> g.key().equals("NEGATIVE")).findFirst().orElseThrow();
        assertThat(negative.events()).isEqualTo(1);
        assertThat(negative.tStatistic()).as("one event has no dispersion").isNull();
        assertThat(negative.positiveShare()).isZero();
    }
}
