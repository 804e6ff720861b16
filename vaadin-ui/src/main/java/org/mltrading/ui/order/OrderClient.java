package org.mltrading.ui.order;

import java.util.List;
import java.util.Map;
import org.mltrading.graphql.types.Order;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The order feature's GraphQL calls, made as the logged-in user. Methods must be called on a
 * thread that carries the user's security context (a Vaadin request/UI thread).
 * Failures surface as {@link org.mltrading.ui.graphql.GraphQlApiException} (or
 * {@link AccessTokens.NotLoggedInException}), whose messages are fit for the user.
 */
@Component
public class OrderClient {

    /** How many of the newest orders the orders view loads. */
    static final int RECENT_ORDERS = 200;

    /*
     * The documents are literal GraphQL, checked against the schema files shipped in the
     * graphql-schema artefact by OrderClientDocumentsTest (a rename in the contract fails the build).
     * Not DgsConstants: its content depends on the codegen run (incremental generation can leave it
     * with only the last changed schema file's types), while the .graphqls files are the contract.
     */
    static final String ORDER_FIELDS =
            "id clientOrderId accountId symbol side type quantity limitPrice status placedAt updatedAt "
            + "filledQuantity averagePrice timeInForce";

    static final String ORDERS_QUERY = "query RecentOrders($accountId: ID!, $first: Int) { "
            + "orders(accountId: $accountId, first: $first) { edges { node { " + ORDER_FIELDS + " } } } }";

    static final String ORDER_UPDATED_SUBSCRIPTION = "subscription OrderUpdates($accountId: ID!) { "
            + "orderUpdated(accountId: $accountId) { " + ORDER_FIELDS + " } }";

    static final String ACCOUNTS_QUERY = "query Accounts { accounts { id name owner currency } }";

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public OrderClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    /** The accounts the user is entitled to see. */
    public List<AccountOption> accounts() {
        return graphQl.queryList(token(), ACCOUNTS_QUERY, Map.of(), "accounts", AccountOption.class);
    }

    /** The newest orders of the account, newest first. */
    public List<OrderRow> recentOrders(String accountId) {
        return graphQl.queryList(token(), ORDERS_QUERY, Map.of("accountId", accountId, "first", RECENT_ORDERS),
                        "orders.edges", OrderEdgeNode.class)
                .stream()
                .map(edge -> OrderRow.from(edge.node()))
                .toList();
    }

    /**
     * Every change of the account's orders, live; cancel the subscription to close the connection.
     * The user is captured now, a fresh token is taken on each (re)connect.
     */
    public Flux<OrderRow> orderUpdates(String accountId) {
        Authentication user = AccessTokens.currentUser();
        return graphQl.subscribe(() -> tokens.accessToken(user), ORDER_UPDATED_SUBSCRIPTION,
                        Map.of("accountId", accountId), "orderUpdated", Order.class)
                .map(OrderRow::from);
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }

    /** {@code edges { node { … } } }: only the node is selected. */
    record OrderEdgeNode(Order node) {
    }
}
