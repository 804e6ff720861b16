package org.mltrading.ui.trading;

import java.util.List;
import java.util.Map;
import org.mltrading.graphql.types.Order;
import org.mltrading.graphql.types.OrderPreview;
import org.mltrading.graphql.types.Position;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The desk's trading calls as the logged-in user (call from a Vaadin request/UI thread): accounts
 * with positions, orders with fills, place/preview/cancel/amend, and the order and position
 * subscriptions. Failures are {@link org.mltrading.ui.graphql.GraphQlApiException}s whose
 * {@code code()} is the API's error code.
 */
@Component
public class TradingClient {

    static final int RECENT_ORDERS = 200;
    static final String ORDER_FIELDS = "id clientOrderId accountId symbol side type quantity limitPrice stopPrice "
            + "timeInForce status rejectCode rejectReason cancelReason filledQuantity averagePrice "
            + "fills { fillId price quantity fee time } placedAt updatedAt";
    static final String POSITION_FIELDS =
            "accountId symbol quantity averagePrice marketValue unrealizedPnl realizedPnl";

    static final String ACCOUNTS_QUERY = "query DeskAccounts { accounts { id name currency cash equity "
            + "tradingState tradingStateReason positions { " + POSITION_FIELDS + " } } }";
    static final String ACCOUNT_QUERY = "query DeskAccount($id: ID!) { account(id: $id) { id name currency cash "
            + "equity tradingState tradingStateReason positions { " + POSITION_FIELDS + " } } }";
    static final String ORDERS_QUERY = "query DeskOrders($accountId: ID!, $first: Int) { "
            + "orders(accountId: $accountId, first: $first) { edges { node { " + ORDER_FIELDS + " } } } }";
    static final String PLACE_ORDER = "mutation PlaceOrder($input: PlaceOrderInput!) { "
            + "placeOrder(input: $input) { " + ORDER_FIELDS + " } }";
    static final String PREVIEW_ORDER = "mutation PreviewOrder($input: PlaceOrderInput!) { previewOrder(input: $input) { "
            + "accepted notional referencePrice resultingPosition resultingGrossExposure "
            + "checks { name code passed detail } } }";
    static final String CANCEL_ORDER = "mutation CancelOrder($input: CancelOrderInput!) { "
            + "cancelOrder(input: $input) { " + ORDER_FIELDS + " } }";
    static final String AMEND_ORDER = "mutation AmendOrder($input: AmendOrderInput!) { "
            + "amendOrder(input: $input) { " + ORDER_FIELDS + " } }";
    static final String ORDER_UPDATED = "subscription DeskOrderUpdates($accountId: ID!) { "
            + "orderUpdated(accountId: $accountId) { " + ORDER_FIELDS + " } }";
    static final String POSITION_UPDATED = "subscription DeskPositionUpdates($accountId: ID!) { "
            + "positionUpdated(accountId: $accountId) { " + POSITION_FIELDS + " } }";

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public TradingClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public List<AccountSummary> accounts() {
        return graphQl.queryList(token(), ACCOUNTS_QUERY, Map.of(), "accounts", AccountSummary.class);
    }

    /** The account now, or null if it is gone or no longer visible to the user. */
    public AccountSummary account(String accountId) {
        return graphQl.query(token(), ACCOUNT_QUERY, Map.of("id", accountId), "account", AccountSummary.class);
    }

    public List<DeskOrder> recentOrders(String accountId) {
        return graphQl.queryList(token(), ORDERS_QUERY, Map.of("accountId", accountId, "first", RECENT_ORDERS),
                "orders.edges", OrderEdgeNode.class).stream().map(edge -> DeskOrder.from(edge.node())).toList();
    }

    public DeskOrder place(Map<String, Object> input) {
        return DeskOrder.from(graphQl.query(token(), PLACE_ORDER, Map.of("input", input), "placeOrder", Order.class));
    }

    public PreTradeCheck preview(Map<String, Object> input) {
        return PreTradeCheck.from(graphQl.query(token(), PREVIEW_ORDER, Map.of("input", input), "previewOrder",
                OrderPreview.class));
    }

    public DeskOrder cancel(String orderId) {
        return DeskOrder.from(graphQl.query(token(), CANCEL_ORDER, Map.of("input", Map.of("orderId", orderId)),
                "cancelOrder", Order.class));
    }

    /** {@code change} holds the fields of AmendOrderInput to change (quantity, limitPrice, stopPrice). */
    public DeskOrder amend(String orderId, Map<String, Object> change) {
        var input = new java.util.HashMap<String, Object>(change);
        input.put("orderId", orderId);
        return DeskOrder.from(graphQl.query(token(), AMEND_ORDER, Map.of("input", input), "amendOrder", Order.class));
    }

    public Flux<DeskOrder> orderUpdates(SubscriptionChannel channel, String accountId) {
        return channel.subscribe(ORDER_UPDATED, Map.of("accountId", accountId), "orderUpdated", Order.class)
                .map(DeskOrder::from);
    }

    public Flux<PositionView> positionUpdates(SubscriptionChannel channel, String accountId) {
        return channel.subscribe(POSITION_UPDATED, Map.of("accountId", accountId), "positionUpdated", Position.class).map(p -> new PositionView(p.getAccountId(), p.getSymbol(),
                p.getQuantity(), p.getAveragePrice(), p.getMarketValue(), p.getUnrealizedPnl(), p.getRealizedPnl()));
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }

    record OrderEdgeNode(Order node) {
    }
}
