package org.mltrading.ui.news;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mltrading.graphql.types.NewsConnection;
import org.mltrading.graphql.types.NewsItem;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The news GraphQL calls of the desk, made as the logged-in user (call from a Vaadin request/UI
 * thread). Documents are checked against the schema files by {@code ClientDocumentsTest}.
 */
@Component
public class NewsClient {

    static final String RECENT_NEWS_QUERY = "query RecentNews($from: DateTime!, $first: Int!) { "
            + "news(from: $from, first: $first) { edges { node { id publishedAt source kind headline symbols "
            + "sentiment { score label } } } } }";
    static final String NEWS_SUBSCRIPTION = "subscription News($symbols: [String!]!) { "
            + "news(symbols: $symbols) { id publishedAt source kind headline symbols sentiment { score label } } }";

    static final String IMPACT_QUERY = "query NewsImpact($symbol: String!, $from: DateTime!, $to: DateTime!) { "
            + "newsImpact(symbol: $symbol, from: $from, to: $to) { newsId headline publishedAt interval window "
            + "rawReturn abnormalReturn tStatistic abnormalVolume expectedReturnModel benchmark } }";
    static final String IMPACT_SUMMARY_QUERY = "query NewsImpactSummary($symbol: String!, $from: DateTime!, $to: DateTime!) { "
            + "newsImpactSummary(symbol: $symbol, from: $from, to: $to) { grouping key window events meanRawReturn "
            + "meanAbnormalReturn tStatistic positiveShare } }";

    static final String SENTIMENT_QUERY = "query Sentiment($symbol: String!, $interval: BarInterval!, $from: DateTime!) { "
            + "sentiment(symbol: $symbol, interval: $interval, from: $from) { time count mean } }";

    /** The instrument's news sentiment per bar from {@code from} to now (bars without news: count 0). */
    public List<org.mltrading.ui.chart.ChartSentiment> sentiment(String symbol, String interval, Instant from) {
        return graphQl.queryList(tokens.accessToken(AccessTokens.currentUser()), SENTIMENT_QUERY,
                Map.of("symbol", symbol, "interval", interval, "from", from.toString()), "sentiment",
                org.mltrading.graphql.types.SentimentBar.class).stream()
                .map(bar -> new org.mltrading.ui.chart.ChartSentiment(bar.getTime().toEpochSecond(), bar.getMean(), bar.getCount()))
                .toList();
    }

    /** One (item, window) of an event study, as the impact view shows it. */
    public record Impact(String newsId, String headline, Instant publishedAt, String interval, String window,
                         double rawReturn, double abnormalReturn, Double tStatistic, Double abnormalVolume, String model,
                         String benchmark) {
    }

    /** Event studies aggregated by a grouping (SOURCE, KIND, SENTIMENT) and window. */
    public record ImpactGroup(String grouping, String key, String window, int events, double meanRawReturn,
                              double meanAbnormalReturn, Double tStatistic, double positiveShare) {
    }

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public NewsClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    /** The latest items of every instrument published within {@code window}, newest first. */
    public List<NewsFeed.Item> recent(Duration window, int first) {
        NewsConnection page = graphQl.query(tokens.accessToken(AccessTokens.currentUser()), RECENT_NEWS_QUERY,
                Map.of("from", Instant.now().minus(window).toString(), "first", first), "news", NewsConnection.class);
        return page.getEdges().stream().map(edge -> item(edge.getNode())).toList();
    }

    /** New items concerning any of the symbols, as they arrive. */
    public Flux<NewsFeed.Item> live(SubscriptionChannel channel, List<String> symbols) {
        return channel.subscribe(NEWS_SUBSCRIPTION, Map.of("symbols", symbols), "news", NewsItem.class)
                .map(NewsClient::item);
    }

    public List<Impact> impacts(String symbol, Instant from, Instant to) {
        return graphQl.queryList(tokens.accessToken(AccessTokens.currentUser()), IMPACT_QUERY,
                Map.of("symbol", symbol, "from", from.toString(), "to", to.toString()), "newsImpact",
                org.mltrading.graphql.types.NewsImpact.class).stream()
                .map(i -> new Impact(i.getNewsId(), i.getHeadline(), i.getPublishedAt().toInstant(), i.getInterval().name(),
                        i.getWindow(), i.getRawReturn(), i.getAbnormalReturn(), i.getTStatistic(), i.getAbnormalVolume(),
                        i.getExpectedReturnModel(), i.getBenchmark()))
                .toList();
    }

    public List<ImpactGroup> impactSummary(String symbol, Instant from, Instant to) {
        return graphQl.queryList(tokens.accessToken(AccessTokens.currentUser()), IMPACT_SUMMARY_QUERY,
                Map.of("symbol", symbol, "from", from.toString(), "to", to.toString()), "newsImpactSummary",
                org.mltrading.graphql.types.NewsImpactGroup.class).stream()
                .map(g -> new ImpactGroup(g.getGrouping().name(), g.getKey(), g.getWindow(), g.getEvents(),
                        g.getMeanRawReturn(), g.getMeanAbnormalReturn(), g.getTStatistic(), g.getPositiveShare()))
                .toList();
    }

    private static NewsFeed.Item item(NewsItem item) {
        return new NewsFeed.Item(item.getId(), item.getPublishedAt().toInstant(), item.getSource(), item.getKind().name(),
                item.getHeadline(), item.getSentiment().getScore(), item.getSentiment().getLabel().name(), item.getSymbols());
    }
}
