package org.mltrading.ui.compliance;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;

/**
 * The compliance officer's GraphQL calls: the event history (search, one aggregate's trail), time
 * travel on orders and accounts, the reports and the hash-chain verification.
 */
@Component
public class ComplianceClient {

    static final String EVENT_FIELDS = "sequence type timestamp actor actorType roles correlationId causationId "
            + "eventId aggregateId aggregateType payload chainSequence";
    static final String AUDIT_EVENTS = "query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) { "
            + "auditEvents(filter: $filter, first: $first, after: $after) { edges { cursor node { " + EVENT_FIELDS
            + " } } pageInfo { hasNextPage endCursor } } }";
    static final String AUDIT_TRAIL = "query AuditTrail($aggregateId: ID!) { auditTrail(aggregateId: $aggregateId) { "
            + EVENT_FIELDS + " } }";
    static final String ORDERS_BY_CLIENT_ORDER_ID = "query OrdersByClientOrderId($clientOrderId: String!, $accountId: ID) { "
            + "ordersByClientOrderId(clientOrderId: $clientOrderId, accountId: $accountId) { "
            + "id clientOrderId accountId symbol side quantity status placedAt } }";
    static final String ACCESS_AUDIT = "query AccessAudit($filter: AccessAuditFilter, $first: Int, $after: String) { "
            + "accessAudit(filter: $filter, first: $first, after: $after) { edges { cursor node { "
            + "id at source type outcome principal clientId remoteAddress detail } } pageInfo { hasNextPage endCursor } } }";
    static final String VERIFY_CHAIN = "query VerifyAuditChain { verifyAuditChain { valid entries "
            + "firstBrokenSequence firstBrokenEventId reason checkpoints pendingEvents headHash } }";
    static final String REPORT_FIELDS = "fileName contentType rows sha256 content";
    static final String ORDER_AUDIT_REPORT = "query OrderAuditReport($from: DateTime!, $to: DateTime!, $accountId: ID) { "
            + "orderAuditReport(from: $from, to: $to, accountId: $accountId) { " + REPORT_FIELDS + " } }";
    static final String TRANSACTION_REPORT = "query TransactionReport($from: DateTime!, $to: DateTime!, $accountId: ID) { "
            + "transactionReport(from: $from, to: $to, accountId: $accountId) { " + REPORT_FIELDS + " } }";
    static final String ORDER_AS_OF = "query OrderAsOf($id: ID!, $asOf: DateTime) { order(id: $id, asOf: $asOf) { "
            + "id accountId symbol side type quantity limitPrice stopPrice timeInForce status filledQuantity "
            + "averagePrice rejectCode cancelCode placedAt updatedAt placedBy } }";
    static final String ACCOUNT_AS_OF = "query AccountAsOf($id: ID!, $asOf: DateTime) { account(id: $id, asOf: $asOf) { "
            + "id name owner currency cash equity tradingState tradingStateReason "
            + "positions { symbol quantity averagePrice } } }";

    /** Which aggregate the as-of view rebuilds. */
    public enum AggregateKind { ORDER, ACCOUNT }

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public ComplianceClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    /** One page of the event history; {@code variables} come from {@link AuditSearch#variables()}. */
    public AuditEventPage auditEvents(Map<String, Object> variables) {
        return graphQl.query(token(), AUDIT_EVENTS, variables, "auditEvents", AuditEventPage.class);
    }

    public List<AuditEvent> auditTrail(String aggregateId) {
        return graphQl.queryList(token(), AUDIT_TRAIL, Map.of("aggregateId", aggregateId), "auditTrail",
                AuditEvent.class);
    }

    /** Orders whose client order id (the trader's own id) is this, in one account or in every visible one. */
    public List<OrderMatch> ordersByClientOrderId(String clientOrderId, String accountId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientOrderId", clientOrderId);
        if (accountId != null && !accountId.isBlank()) {
            variables.put("accountId", accountId.trim());
        }
        return graphQl.queryList(token(), ORDERS_BY_CLIENT_ORDER_ID, variables, "ordersByClientOrderId",
                OrderMatch.class);
    }

    /** One page of the access audit, newest first; {@code variables} from {@link AccessAuditSearch#variables()}. */
    public AccessAuditEntry.Page accessAudit(Map<String, Object> variables) {
        return graphQl.query(token(), ACCESS_AUDIT, variables, "accessAudit", AccessAuditEntry.Page.class);
    }

    public ChainVerification verifyChain() {
        return graphQl.query(token(), VERIFY_CHAIN, Map.of(), "verifyAuditChain", ChainVerification.class);
    }

    public ReportDocument orderAuditReport(ReportRange range, String accountId) {
        return graphQl.query(token(), ORDER_AUDIT_REPORT, reportVariables(range, accountId), "orderAuditReport",
                ReportDocument.class);
    }

    public ReportDocument transactionReport(ReportRange range, String accountId) {
        return graphQl.query(token(), TRANSACTION_REPORT, reportVariables(range, accountId), "transactionReport",
                ReportDocument.class);
    }

    /**
     * The order's or account's fields as of {@code asOf} (rebuilt from its events), or now when
     * {@code asOf} is null; null when it does not exist (yet).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state(AggregateKind kind, String id, Instant asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        if (asOf != null) {
            variables.put("asOf", asOf.toString());
        }
        return kind == AggregateKind.ORDER
                ? graphQl.query(token(), ORDER_AS_OF, variables, "order", Map.class)
                : graphQl.query(token(), ACCOUNT_AS_OF, variables, "account", Map.class);
    }

    private static Map<String, Object> reportVariables(ReportRange range, String accountId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("from", range.from().toString());
        variables.put("to", range.to().toString());
        if (accountId != null && !accountId.isBlank()) {
            variables.put("accountId", accountId.trim());
        }
        return variables;
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
