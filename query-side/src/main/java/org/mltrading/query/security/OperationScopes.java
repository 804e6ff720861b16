package org.mltrading.query.security;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 scope every operation needs (issue 14, finding 4), checked for the whole document before
 * any resolver runs; roles and entitlements are checked as before, by the resolvers. A token passes
 * when it has any one of the operation's scopes:
 * <ul>
 *   <li>{@code read} — queries and subscriptions of accounts, orders, market data, models, strategies;</li>
 *   <li>{@code trade} — orders, previews, strategies ({@code risk} also stops a strategy and runs a backtest);</li>
 *   <li>{@code risk} — limits, halts, model promotion, retirement and import;</li>
 *   <li>{@code audit} — the audit trail, access audit, compliance reports, projection checksums;</li>
 *   <li>{@code admin} — identities, entitlements, accounts and projections.</li>
 * </ul>
 * Machine clients (client credentials) are held to all five: their scopes are what an administrator
 * granted. User tokens come through the UI client, which asks for {@code read} and {@code trade} only,
 * so a user's token is held to those two and the user's roles decide the rest (ADR 0008).
 *
 * <p>An operation missing here is refused for every caller (fail closed); {@code OperationScopesTest}
 * fails the build until every operation of the schema has its entry.
 */
@Component
public class OperationScopes extends SimplePerformantInstrumentation {

    static final String READ = "read";
    static final String TRADE = "trade";
    static final String RISK = "risk";
    static final String AUDIT = "audit";
    static final String ADMIN = "admin";
    /** The scopes the UI client requests, so the only ones a user's token is checked for. */
    static final Set<String> USER_TOKEN_SCOPES = Set.of(READ, TRADE);

    /** Operation ({@code Query.accounts}) → scopes of which the token needs one; empty = any valid token. */
    static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("Query.me", Set.of()),
            Map.entry("Query.accounts", Set.of(READ)),
            Map.entry("Query.account", Set.of(READ)),
            Map.entry("Query.order", Set.of(READ)),
            Map.entry("Query.orders", Set.of(READ)),
            Map.entry("Query.ordersByClientOrderId", Set.of(READ)),
            Map.entry("Query.instruments", Set.of(READ)),
            Map.entry("Query.quote", Set.of(READ)),
            Map.entry("Query.bars", Set.of(READ)),
            Map.entry("Query.trades", Set.of(READ)),
            Map.entry("Query.models", Set.of(READ)),
            Map.entry("Query.model", Set.of(READ)),
            Map.entry("Query.backtest", Set.of(READ)),
            Map.entry("Query.backtests", Set.of(READ)),
            Map.entry("Query.predictions", Set.of(READ)),
            Map.entry("Query.strategies", Set.of(READ)),
            Map.entry("Query.news", Set.of(READ)),
            Map.entry("Query.valueAtRisk", Set.of(READ)),
            Map.entry("Query.stressTest", Set.of(READ)),
            Map.entry("Query.optimizePortfolio", Set.of(READ)),
            Map.entry("Query.firmTradingState", Set.of(READ)),
            Map.entry("Query.alerts", Set.of(READ)),
            Map.entry("Query.notifications", Set.of(READ)),
            Map.entry("Query.webhooks", Set.of(READ)),
            Map.entry("Query.webhookDeliveries", Set.of(READ)),
            Map.entry("Mutation.createAlert", Set.of(READ)),
            Map.entry("Mutation.updateAlert", Set.of(READ)),
            Map.entry("Mutation.pauseAlert", Set.of(READ)),
            Map.entry("Mutation.resumeAlert", Set.of(READ)),
            Map.entry("Mutation.deleteAlert", Set.of(READ)),
            Map.entry("Mutation.acknowledgeNotification", Set.of(READ)),
            Map.entry("Mutation.registerWebhook", Set.of(READ)),
            Map.entry("Mutation.replayDeadLetter", Set.of(READ)),
            Map.entry("Subscription.notifications", Set.of(READ)),
            Map.entry("Subscription.riskUpdated", Set.of(READ)),
            Map.entry("Query.tearsheet", Set.of(READ)),
            Map.entry("Query.tearsheetDocument", Set.of(READ)),
            Map.entry("Query.rebalanceProposal", Set.of(TRADE)),
            Map.entry("Mutation.placeBasket", Set.of(TRADE)),
            Map.entry("Mutation.haltFirm", Set.of(RISK)),
            Map.entry("Mutation.resumeFirm", Set.of(RISK)),
            Map.entry("Mutation.proposeRiskLimits", Set.of(RISK)),
            Map.entry("Mutation.approveRiskLimits", Set.of(RISK)),
            Map.entry("Mutation.rejectRiskLimits", Set.of(RISK)),
            Map.entry("Mutation.setReduceOnly", Set.of(RISK)),
            Map.entry("Mutation.clearReduceOnly", Set.of(RISK)),
            Map.entry("Mutation.cancelAllOrders", Set.of(TRADE, RISK)),
            Map.entry("Mutation.flattenPositions", Set.of(TRADE, RISK)),
            Map.entry("Query.efficientFrontier", Set.of(READ)),
            Map.entry("Query.altSeries", Set.of(READ)),
            Map.entry("Query.sentiment", Set.of(READ)),
            Map.entry("Query.scoreSentiment", Set.of(READ)),
            Map.entry("Query.newsImpact", Set.of(READ)),
            Map.entry("Query.newsImpactSummary", Set.of(READ)),
            Map.entry("Subscription.news", Set.of(READ)),
            Map.entry("Subscription.orderUpdated", Set.of(READ)),
            Map.entry("Subscription.positionUpdated", Set.of(READ)),
            Map.entry("Subscription.quotes", Set.of(READ)),
            Map.entry("Subscription.tradePrints", Set.of(READ)),
            Map.entry("Subscription.bars", Set.of(READ)),
            Map.entry("Subscription.predictions", Set.of(READ)),
            Map.entry("Subscription.backtestProgress", Set.of(READ)),
            Map.entry("Mutation.placeOrder", Set.of(TRADE)),
            Map.entry("Mutation.previewOrder", Set.of(TRADE)),
            Map.entry("Mutation.amendOrder", Set.of(TRADE)),
            Map.entry("Mutation.cancelOrder", Set.of(TRADE)),
            Map.entry("Mutation.startStrategy", Set.of(TRADE)),
            Map.entry("Mutation.stopStrategy", Set.of(TRADE, RISK)),
            Map.entry("Mutation.runBacktest", Set.of(TRADE, RISK)),
            Map.entry("Mutation.setRiskLimits", Set.of(RISK)),
            Map.entry("Mutation.haltTrading", Set.of(RISK)),
            Map.entry("Mutation.resumeTrading", Set.of(RISK)),
            Map.entry("Mutation.promoteModel", Set.of(RISK)),
            Map.entry("Mutation.retireModel", Set.of(RISK)),
            Map.entry("Mutation.importOnnxModel", Set.of(RISK)),
            Map.entry("Mutation.trainModel", Set.of(RISK)),
            Map.entry("Query.accessAudit", Set.of(AUDIT)),
            Map.entry("Query.auditTrail", Set.of(AUDIT)),
            Map.entry("Query.auditEvents", Set.of(AUDIT)),
            Map.entry("Query.verifyAuditChain", Set.of(AUDIT)),
            Map.entry("Query.orderAuditReport", Set.of(AUDIT)),
            Map.entry("Query.transactionReport", Set.of(AUDIT)),
            Map.entry("Query.projectionChecksum", Set.of(AUDIT)),
            Map.entry("Query.users", Set.of(ADMIN)),
            Map.entry("Query.projectionStatus", Set.of(ADMIN)),
            Map.entry("Mutation.rebuildProjection", Set.of(ADMIN)),
            Map.entry("Mutation.createIntegratorClient", Set.of(ADMIN)),
            Map.entry("Mutation.grantClientScopes", Set.of(ADMIN)),
            Map.entry("Mutation.rotateClientSecret", Set.of(ADMIN)),
            Map.entry("Mutation.grantAccountEntitlement", Set.of(ADMIN)),
            Map.entry("Mutation.revokeAccountEntitlement", Set.of(ADMIN)),
            Map.entry("Mutation.openAccount", Set.of(ADMIN)),
            Map.entry("Mutation.importNews", Set.of(ADMIN)),
            Map.entry("Mutation.importSeries", Set.of(ADMIN)),
            Map.entry("Mutation.createUser", Set.of(ADMIN)),
            Map.entry("Mutation.setUserEnabled", Set.of(ADMIN)),
            Map.entry("Mutation.rotateSigningKey", Set.of(ADMIN)));

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        // from the GraphQLContext first: a WebSocket operation may execute where the holder is empty
        Authentication authentication = parameters.getExecutionContext().getGraphQLContext()
                .getOrDefault(WebSocketAuthInterceptor.CALLER, SecurityContextHolder.getContext().getAuthentication());
        if (!(authentication instanceof JwtAuthenticationToken)) {
            throw refused("authentication required"); // fail closed; the transport layers refuse these first
        }
        ApiPrincipal principal = ApiPrincipal.from(authentication);
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : parameters.getExecutionContext().getDocument().getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        String root = switch (operation.getOperation()) {
            case QUERY -> "Query";
            case MUTATION -> "Mutation";
            case SUBSCRIPTION -> "Subscription";
        };
        Set<String> fields = new LinkedHashSet<>();
        rootFields(operation.getSelectionSet(), fragments, new HashSet<>(), fields);
        for (String field : fields) {
            String missing = missingScope(root + "." + field, principal);
            if (missing != null) {
                throw refused(missing);
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Why the principal may not call the operation for want of a scope, or null when it may. */
    static String missingScope(String operation, ApiPrincipal principal) {
        Set<String> needed = REQUIRED.get(operation);
        if (needed == null) {
            return operation + " declares no scope and is refused";
        }
        Set<String> checked = new TreeSet<>(needed);
        if (!principal.client()) {
            checked.retainAll(USER_TOKEN_SCOPES);
        }
        if (checked.isEmpty() || checked.stream().anyMatch(principal.scopes()::contains)) {
            return null;
        }
        return operation.substring(operation.indexOf('.') + 1) + " needs the scope " + String.join(" or ", checked)
                + "; the token has " + principal.scopes();
    }

    /** Root field names, through inline fragments and fragment spreads; introspection fields aside. */
    private static void rootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> seen,
            Set<String> fields) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (!field.getName().startsWith("__")) {
                    fields.add(field.getName());
                }
            } else if (selection instanceof InlineFragment inline) {
                rootFields(inline.getSelectionSet(), fragments, seen, fields);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && seen.add(spread.getName())) {
                rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, seen, fields);
            }
        }
    }

    private static AbortExecutionException refused(String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", "PERMISSION_DENIED")).build();
        return new AbortExecutionException(List.<GraphQLError>of(error));
    }
}
