package org.mltrading.ui.strategy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.order.AccountOption;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;

/** The strategies page's GraphQL calls, made as the logged-in user. */
@Component
public class StrategyClient {

    /** Orders read to find a strategy's own (the API has no orders-by-strategy query). */
    static final int RECENT_ORDERS = 500;

    static final String STRATEGY_FIELDS = "id accountId model modelVersion symbol orderQuantity maxPosition "
            + "entryThreshold longOnly status reason startedBy startedAt stoppedBy stoppedAt stopReason position "
            + "openQuantity ordersDecided";
    static final String ACCOUNTS = "query StrategyAccounts { accounts { id name currency } }";
    static final String STRATEGIES = "query Strategies($accountId: ID!) { strategies(accountId: $accountId) { "
            + STRATEGY_FIELDS + " } }";
    static final String START = "mutation StartStrategy($input: StartStrategyInput!) { startStrategy(input: $input) { "
            + STRATEGY_FIELDS + " } }";
    static final String STOP = "mutation StopStrategy($id: ID!, $reason: String) { stopStrategy(id: $id, reason: $reason) { "
            + STRATEGY_FIELDS + " } }";
    static final String ORDERS = "query StrategyOrders($accountId: ID!, $first: Int) { orders(accountId: $accountId, "
            + "first: $first) { edges { node { id clientOrderId symbol side quantity status filledQuantity averagePrice "
            + "placedAt provenance { strategyId modelLabel predictionId predictionTime barTime value lower upper } } } } }";

    /** What a trader fills in to start a strategy. */
    public record StartRequest(String accountId, String model, String symbol, BigDecimal orderQuantity,
                               BigDecimal maxPosition, Double entryThreshold, boolean longOnly, String reason) {

        Map<String, Object> input() {
            Map<String, Object> input = new HashMap<>();
            input.put("accountId", accountId);
            input.put("model", model.trim());
            input.put("symbol", symbol.trim());
            input.put("orderQuantity", orderQuantity.toPlainString());
            input.put("maxPosition", maxPosition.toPlainString());
            if (entryThreshold != null) {
                input.put("entryThreshold", entryThreshold);
            }
            input.put("longOnly", longOnly);
            if (reason != null && !reason.isBlank()) {
                input.put("reason", reason.trim());
            }
            return input;
        }
    }

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public StrategyClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public List<AccountOption> accounts() {
        return graphQl.queryList(token(), ACCOUNTS, Map.of(), "accounts", AccountOption.class);
    }

    public List<StrategyRow> strategies(String accountId) {
        return graphQl.queryList(token(), STRATEGIES, Map.of("accountId", accountId), "strategies", StrategyRow.class);
    }

    public StrategyRow start(StartRequest request) {
        return graphQl.query(token(), START, Map.of("input", request.input()), "startStrategy", StrategyRow.class);
    }

    public StrategyRow stop(String id, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        if (reason != null && !reason.isBlank()) {
            variables.put("reason", reason.trim());
        }
        return graphQl.query(token(), STOP, variables, "stopStrategy", StrategyRow.class);
    }

    /** The strategy's orders among the account's newest, newest first. */
    public List<StrategyOrder> ordersOf(StrategyRow strategy) {
        return graphQl.queryList(token(), ORDERS, Map.of("accountId", strategy.accountId(), "first", RECENT_ORDERS),
                        "orders.edges", Edge.class).stream()
                .map(Edge::node)
                .filter(order -> order.placedBy(strategy.id()))
                .toList();
    }

    record Edge(StrategyOrder node) {
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
