package org.mltrading.query.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.ExecutionResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Document rules checked after validation and before any resolver runs:
 * <ul>
 *   <li>at most {@code platform.graphql.max-aliases} aliases (one request must not multiply itself);</li>
 *   <li>introspection ({@code __schema}, {@code __type}) per {@code platform.graphql.introspection}:
 *       {@code authenticated} (every caller — the API needs a token anyway), {@code integrators}
 *       (only INTEGRATOR and ADMIN — the production default) or {@code disabled};</li>
 *   <li>a user (not a machine client) changes nothing without the second factor: every mutation
 *       needs a token whose login included TOTP.</li>
 * </ul>
 */
@Component
public class DocumentPolicyInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;
    private final String introspection;

    private final int maxDepth;
    /** Enough for GraphiQL's and codegen tools' introspection queries, far below abusive nesting. */
    static final int INTROSPECTION_MAX_DEPTH = 20;

    public DocumentPolicyInstrumentation(@Value("${platform.graphql.max-aliases}") int maxAliases,
            @Value("${platform.graphql.introspection}") String introspection,
            @Value("${platform.graphql.max-query-depth}") int maxDepth) {
        this.maxAliases = maxAliases;
        this.maxDepth = maxDepth;
        this.introspection = introspection.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("authenticated", "integrators", "disabled").contains(this.introspection)) {
            throw new IllegalArgumentException(
                    "platform.graphql.introspection must be authenticated, integrators or disabled, was " + introspection);
        }
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        Document document = parameters.getExecutionContext().getDocument();
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        // graphql-java's depth limit does not count introspection fields, whose types recurse without end;
        // tools' standard introspection query nests ofType about ten deep, so introspection gets its own bound
        boolean introspecting = selectsIntrospection(operation.getSelectionSet(), fragments, new HashSet<>());
        int limit = introspecting ? Math.max(maxDepth, INTROSPECTION_MAX_DEPTH) : maxDepth;
        int depth = depth(operation.getSelectionSet(), fragments, new HashSet<>());
        if (depth > limit) {
            throw refused("VALIDATION_QUERY_TOO_COMPLEX",
                    "the document is " + depth + " levels deep; at most " + limit + " are allowed");
        }
        int aliases = countAliases(operation.getSelectionSet(), fragments, new HashSet<>());
        if (aliases > maxAliases) {
            throw refused("VALIDATION_TOO_MANY_ALIASES",
                    "the document uses " + aliases + " aliases; at most " + maxAliases + " are allowed");
        }
        if (introspecting && !introspectionAllowed()) {
            throw refused("PERMISSION_DENIED", "introspection is not available to this caller");
        }
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            ApiPrincipal principal = ApiPrincipal.from(SecurityContextHolder.getContext().getAuthentication());
            if (!principal.client() && !principal.mfa()) {
                throw refused("AUTH_MFA_REQUIRED",
                        "changes need a login with the second factor (TOTP); sign in again through the platform's login");
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private boolean introspectionAllowed() {
        return switch (introspection) {
            case "authenticated" -> true;
            case "integrators" -> {
                ApiPrincipal principal = ApiPrincipal.from(SecurityContextHolder.getContext().getAuthentication());
                yield principal.hasAnyRole("INTEGRATOR", "ADMIN");
            }
            default -> false;
        };
    }

    /** Aliases in the operation, counting each use of a fragment (a fragment spread ten times counts ten times). */
    private static int countAliases(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> path) {
        if (selections == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + countAliases(field.getSelectionSet(), fragments, path);
            } else if (selection instanceof InlineFragment inline) {
                count += countAliases(inline.getSelectionSet(), fragments, path);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && path.add(spread.getName())) { // validation already refused cycles; this is a guard
                count += countAliases(fragments.get(spread.getName()).getSelectionSet(), fragments, path);
                path.remove(spread.getName());
            }
        }
        return count;
    }

    private static int depth(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> path) {
        if (selections == null) {
            return 0;
        }
        int deepest = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                deepest = Math.max(deepest, 1 + depth(field.getSelectionSet(), fragments, path));
            } else if (selection instanceof InlineFragment inline) {
                deepest = Math.max(deepest, depth(inline.getSelectionSet(), fragments, path));
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && path.add(spread.getName())) {
                deepest = Math.max(deepest, depth(fragments.get(spread.getName()).getSelectionSet(), fragments, path));
                path.remove(spread.getName());
            }
        }
        return deepest;
    }

    /**
     * Whether the root selects {@code __schema} or {@code __type}, through inline fragments and fragment
     * spreads at any nesting (issue 14, finding 10: a fragment inside a fragment was not followed, so
     * such a document escaped the introspection policy).
     */
    private static boolean selectsIntrospection(SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Set<String> seen) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && (field.getName().equals("__schema") || field.getName().equals("__type"))) {
                return true;
            }
            if (selection instanceof InlineFragment inline && selectsIntrospection(inline.getSelectionSet(), fragments, seen)) {
                return true;
            }
            if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && seen.add(spread.getName()) // validation refused cycles; this is a guard
                    && selectsIntrospection(fragments.get(spread.getName()).getSelectionSet(), fragments, seen)) {
                return true;
            }
        }
        return false;
    }

    private static AbortExecutionException refused(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build();
        return new AbortExecutionException(List.<GraphQLError>of(error));
    }
}
