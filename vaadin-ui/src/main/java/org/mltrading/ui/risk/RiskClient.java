package org.mltrading.ui.risk;

import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Component;

/** The risk officer's GraphQL calls: accounts with limits and utilisation, and the kill switch. */
@Component
public class RiskClient {

    static final String ACCOUNT_FIELDS = "id name owner currency equity tradingState tradingStateReason "
            + "limits { maxOrderNotional maxPositionPerInstrument maxGrossExposure maxDailyLoss restrictedSymbols "
            + "maxOrdersPerSecond } utilization { grossExposure grossExposureFraction reservedExposure dailyLoss "
            + "dailyLossFraction largestPositionFraction } pendingRiskLimits { id proposedBy reason proposedAt "
            + "limits { maxOrderNotional maxPositionPerInstrument maxGrossExposure maxDailyLoss restrictedSymbols "
            + "maxOrdersPerSecond } }";
    static final String ACCOUNTS_QUERY = "query RiskAccounts { accounts { " + ACCOUNT_FIELDS + " } }";
    static final String HALT = "mutation Halt($accountId: ID!, $reason: String!) { "
            + "haltTrading(accountId: $accountId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";
    static final String RESUME = "mutation Resume($accountId: ID!, $reason: String) { "
            + "resumeTrading(accountId: $accountId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";

    static final String LIMITS_ARGS = "$accountId: ID!, $maxOrderNotional: Decimal!, $maxPositionPerInstrument: Decimal!, "
            + "$maxGrossExposure: Decimal!, $maxDailyLoss: Decimal!, $restrictedSymbols: [String!], $maxOrdersPerSecond: Int!";
    static final String LIMITS_INPUT = "{accountId: $accountId, maxOrderNotional: $maxOrderNotional, "
            + "maxPositionPerInstrument: $maxPositionPerInstrument, maxGrossExposure: $maxGrossExposure, "
            + "maxDailyLoss: $maxDailyLoss, restrictedSymbols: $restrictedSymbols, maxOrdersPerSecond: $maxOrdersPerSecond}";
    static final String SET_LIMITS = "mutation SetLimits(" + LIMITS_ARGS + ") { setRiskLimits(input: " + LIMITS_INPUT
            + ") { " + ACCOUNT_FIELDS + " } }";
    static final String PROPOSE_LIMITS = "mutation ProposeLimits(" + LIMITS_ARGS + ", $reason: String!) { "
            + "proposeRiskLimits(input: " + LIMITS_INPUT + ", reason: $reason) { " + ACCOUNT_FIELDS + " } }";
    static final String APPROVE_LIMITS = "mutation ApproveLimits($accountId: ID!, $proposalId: ID!, $reason: String) { "
            + "approveRiskLimits(accountId: $accountId, proposalId: $proposalId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";
    static final String REJECT_LIMITS = "mutation RejectLimits($accountId: ID!, $proposalId: ID!, $reason: String!) { "
            + "rejectRiskLimits(accountId: $accountId, proposalId: $proposalId, reason: $reason) { " + ACCOUNT_FIELDS + " } }";
    static final String FIRM_FIELDS = "state halted reason changedAt";
    static final String FIRM_STATE = "query FirmState { firmTradingState { " + FIRM_FIELDS + " } }";
    static final String HALT_FIRM = "mutation HaltFirm($reason: String!) { haltFirm(reason: $reason) { " + FIRM_FIELDS + " } }";
    static final String RESUME_FIRM = "mutation ResumeFirm($reason: String!) { resumeFirm(reason: $reason) { " + FIRM_FIELDS + " } }";
    static final String FIRM_VAR = "query FirmVar { valueAtRisk(horizonDays: 1, method: HISTORICAL) { currency var95 var99 cvar99 "
            + "interval observations } }";
    static final String RISK_UPDATES = "subscription RiskUpdates { riskUpdated { account { " + ACCOUNT_FIELDS
            + " } breaches { limit fraction } } }";

    /** The firm's kill switch as order entry decides with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FirmState(String state, boolean halted, String reason, java.time.Instant changedAt) {
    }

    /** The firm's one-day historical value at risk (positive losses). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FirmVar(String currency, java.math.BigDecimal var95, java.math.BigDecimal var99, java.math.BigDecimal cvar99,
                          String interval, int observations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RiskUpdate(RiskAccount account) {
    }

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

    public FirmState firmState() {
        return graphQl.query(token(), FIRM_STATE, Map.of(), "firmTradingState", FirmState.class);
    }

    public FirmState haltFirm(String reason) {
        return graphQl.query(token(), HALT_FIRM, Map.of("reason", reason), "haltFirm", FirmState.class);
    }

    public FirmState resumeFirm(String reason) {
        return graphQl.query(token(), RESUME_FIRM, Map.of("reason", reason), "resumeFirm", FirmState.class);
    }

    public FirmVar firmVar() {
        return graphQl.query(token(), FIRM_VAR, Map.of(), "valueAtRisk", FirmVar.class);
    }

    /** Applies limits that raise nothing; a rise answers RISK_APPROVAL_REQUIRED (then propose them). */
    public RiskAccount setLimits(String accountId, RiskAccount.Limits limits) {
        return graphQl.query(token(), SET_LIMITS, limitVariables(accountId, limits), "setRiskLimits", RiskAccount.class);
    }

    public RiskAccount proposeLimits(String accountId, RiskAccount.Limits limits, String reason) {
        Map<String, Object> variables = new java.util.HashMap<>(limitVariables(accountId, limits));
        variables.put("reason", reason);
        return graphQl.query(token(), PROPOSE_LIMITS, variables, "proposeRiskLimits", RiskAccount.class);
    }

    public RiskAccount approveLimits(String accountId, String proposalId) {
        return graphQl.query(token(), APPROVE_LIMITS, Map.of("accountId", accountId, "proposalId", proposalId),
                "approveRiskLimits", RiskAccount.class);
    }

    public RiskAccount rejectLimits(String accountId, String proposalId, String reason) {
        return graphQl.query(token(), REJECT_LIMITS, Map.of("accountId", accountId, "proposalId", proposalId,
                "reason", reason), "rejectRiskLimits", RiskAccount.class);
    }

    /** A live channel for {@link #updates}: the current user's token, refreshed as it expires. */
    public org.mltrading.ui.graphql.SubscriptionChannel openChannel() {
        org.springframework.security.core.Authentication user = AccessTokens.currentUser();
        return graphQl.openChannel(() -> tokens.accessToken(user));
    }

    /** Every account's risk figures after each change of it. */
    public reactor.core.publisher.Flux<RiskAccount> updates(org.mltrading.ui.graphql.SubscriptionChannel channel) {
        return channel.subscribe(RISK_UPDATES, Map.of(), "riskUpdated", RiskUpdate.class).map(RiskUpdate::account);
    }

    private static Map<String, Object> limitVariables(String accountId, RiskAccount.Limits limits) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("accountId", accountId);
        variables.put("maxOrderNotional", limits.maxOrderNotional());
        variables.put("maxPositionPerInstrument", limits.maxPositionPerInstrument());
        variables.put("maxGrossExposure", limits.maxGrossExposure());
        variables.put("maxDailyLoss", limits.maxDailyLoss());
        variables.put("restrictedSymbols", limits.restrictedSymbols() == null ? List.of() : limits.restrictedSymbols());
        variables.put("maxOrdersPerSecond", limits.maxOrdersPerSecond());
        return variables;
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
