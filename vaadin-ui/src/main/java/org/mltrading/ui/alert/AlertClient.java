package org.mltrading.ui.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The user's alerts and notifications through the GraphQL API. */
@Component
public class AlertClient {

    static final String CREATE_ALERT = "mutation CreateAlert($symbol: String!, $level: Decimal!, $direction: AlertDirection!) {"
            + " createAlert(input: {kind: PRICE_CROSS, symbol: $symbol, level: $level, direction: $direction}) {"
            + " id symbol level direction state } }";
    static final String UNREAD = "query Unread { notifications(first: 50) { unread edges { node { id title body acknowledged"
            + " createdAt } } } }";
    static final String LIVE = "subscription LiveNotifications { notifications { id title body acknowledged createdAt } }";

    /** An alert as created. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String id, String symbol, BigDecimal level, String direction, String state) {
    }

    /** A notification of the platform (an alert that fired). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(String id, String title, String body, boolean acknowledged, java.time.Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Edge(Notification node) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(int unread, List<Edge> edges) {
    }

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public AlertClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public Alert priceAlert(String symbol, BigDecimal level, String direction) {
        return graphQl.query(tokens.accessToken(AccessTokens.currentUser()), CREATE_ALERT,
                Map.of("symbol", symbol, "level", level, "direction", direction), "createAlert", Alert.class);
    }

    /** The user's notifications not yet acknowledged (newest first, at most 50). */
    public List<Notification> unread(Authentication user) {
        Page page = graphQl.query(tokens.accessToken(user), UNREAD, Map.of(), "notifications", Page.class);
        return page == null || page.edges() == null ? List.of()
                : page.edges().stream().map(Edge::node).filter(n -> !n.acknowledged()).toList();
    }

    public SubscriptionChannel openChannel(Authentication user) {
        return graphQl.openChannel(() -> tokens.accessToken(user));
    }

    public Flux<Notification> live(SubscriptionChannel channel) {
        return channel.subscribe(LIVE, Map.of(), "notifications", Notification.class);
    }
}
