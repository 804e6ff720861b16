package org.mltrading.ui.risk;

import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;

/** The risk officer's GraphQL calls: accounts with limits and utilisation, and the kill switch. */
@Component
public class RiskClient {

    static final String ACCOUNT_FIELDS = "id name owner currency equity tradingState tradingStateReason "
            + "limits { maxOrderNotional maxPositionPerInstrument maxGrossExposure maxDailyLoss restrictedSymbols "
            + "maxOrdersPerSecond } utilization { grossExposure grossExposureFraction reservedExposure dailyLoss "
            + "dailyLossFraction largestPositionFraction }";
    static final String ACCOUNTS_QUERY = "query RiskAccounts { accounts { " + ACCOUNT_FIELDS + " } }";
    static final String HALT = "mutation Halt($accountId: ID!, $reason: String!) { "
            + "haltTrading(accountId: $accountId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";
    static final String RESUME = "mutation Resume($accountId: ID!, $reason: String) { "
            + "resumeTrading(accountId: $accountId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public RiskClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public List<RiskAccount> accounts() {
        return graphQl.queryList(token(), ACCOUNTS_QUERY, Map.of(), "accounts", RiskAccount.class);
    }

    /** Kill switch: the account refuses every new order until resumed. */
    public RiskAccount halt(String accountId, String reason) {
        return graphQl.query(token(), HALT, Map.of("accountId", accountId, "reason", reason), "haltTrading",
                RiskAccount.class);
    }

    /** Lifts a halt; the reason is recorded with the state change (the page always asks for one). */
    public RiskAccount resume(String accountId, String reason) {
        return graphQl.query(token(), RESUME, Map.of("accountId", accountId, "reason", reason), "resumeTrading",
                RiskAccount.class);
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
