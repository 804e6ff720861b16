package org.mltrading.query.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends live subscriptions whose authority is gone (issue 14, finding 3). The graphql-transport-ws
 * protocol cannot close one subscription with a code, so the subscription ends with an {@code error}
 * message (the connection and the caller's other subscriptions stay open):
 * <ul>
 *   <li>{@code AUTH_UNAUTHENTICATED} when the connection's token expires — every subscription of the
 *       connection ends then, and new {@code subscribe} messages are refused: reconnect with a fresh
 *       token;</li>
 *   <li>{@code PERMISSION_DENIED} when an event arrives for an account (the subscription's
 *       {@code accountId} argument) the caller may no longer see, e.g. after its entitlement was revoked.
 *       Visibility is asked again for every event, before it is sent.</li>
 * </ul>
 */
final class SubscriptionGuard {

    private SubscriptionGuard() {}

    static Instant expiry(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
    }

    static boolean expired(Authentication authentication, Clock clock) {
        Instant expiry = expiry(authentication);
        return expiry != null && !expiry.isAfter(clock.instant());
    }

    static Flux<Object> guard(Publisher<?> stream, Authentication authentication, WebGraphQlRequest request,
            AccountVisibility visibility, Clock clock) {
        Flux<Object> events = Flux.from(stream);
        Set<String> accounts = visibility == null ? Set.of() : accountIds(request);
        if (!accounts.isEmpty()) {
            ApiPrincipal principal = ApiPrincipal.from(authentication);
            events = events.concatMap(event -> accounts.stream().allMatch(account -> visibility.canView(principal, account))
                    ? Mono.just(event)
                    : Mono.error(ended("PERMISSION_DENIED", "no access to account " + String.join(", ", accounts)
                            + " any more; the subscription ended")));
        }
        Instant expiry = expiry(authentication);
        if (expiry != null) {
            Duration left = Duration.between(clock.instant(), expiry);
            // takeUntilOther, not a merge: a stream that completes on its own must not wait for the expiry
            AtomicBoolean expired = new AtomicBoolean();
            events = events.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left)
                            .doOnNext(tick -> expired.set(true)))
                    .concatWith(Mono.defer(() -> expired.get()
                            ? Mono.error(ended("AUTH_UNAUTHENTICATED",
                                    "the connection's token expired; the subscription ended — reconnect with a fresh token"))
                            : Mono.empty()));
        }
        return events;
    }

    static SubscriptionPublisherException ended(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build();
        return new SubscriptionPublisherException(List.of(error), null);
    }

    /**
     * The {@code accountId} arguments of the operation's root fields, literal or from a variable,
     * also through inline fragments and fragment spreads (a root field may hide in either).
     */
    static Set<String> accountIds(WebGraphQlRequest request) {
        Set<String> accounts = new LinkedHashSet<>();
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (RuntimeException e) {
            return accounts; // graphql-java refuses it with its own error
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation
                    && (request.getOperationName() == null || request.getOperationName().equals(operation.getName()))) {
                collect(operation.getSelectionSet(), fragments, new HashSet<>(), request.getVariables(), accounts);
            }
        }
        return accounts;
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> seen,
            Map<String, Object> variables, Set<String> accounts) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                for (Argument argument : field.getArguments()) {
                    if (!argument.getName().equals("accountId")) {
                        continue;
                    }
                    if (argument.getValue() instanceof StringValue text) {
                        accounts.add(text.getValue());
                    } else if (argument.getValue() instanceof VariableReference variable
                            && variables.get(variable.getName()) instanceof String value) {
                        accounts.add(value);
                    }
                }
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, seen, variables, accounts);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && seen.add(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, seen, variables, accounts);
            }
        }
    }
}
