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

    private static NewsFeed.Item item(NewsItem item) {
        return new NewsFeed.Item(item.getId(), item.getPublishedAt().toInstant(), item.getSource(), item.getKind().name(),
                item.getHeadline(), item.getSentiment().getScore(), item.getSentiment().getLabel().name(), item.getSymbols());
    }
}
