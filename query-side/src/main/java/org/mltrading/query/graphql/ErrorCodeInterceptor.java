package org.mltrading.query.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.query.access.AccessAuditRecorder;
import org.springframework.graphql.ResponseError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error of a response an {@code extensions.code}: data fetcher errors already have one
 * ({@link ApiExceptionHandler}); errors raised by graphql-java itself before execution (syntax,
 * validation, limits) get a VALIDATION_ code here.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    private final AccessAuditRecorder audit;

    ErrorCodeInterceptor(AccessAuditRecorder audit) {
        this.audit = audit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return chain.next(request).map(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            WebGraphQlResponse coded = errors.stream().allMatch(e -> e.getExtensions().containsKey("code")) ? response
                    : response.transform(builder -> builder.errors(errors.stream().map(ErrorCodeInterceptor::withCode).toList()));
            auditDenials(request, coded, caller);
            return coded;
        });
    }

    /** Refusals (not business rejections) go to the access audit, with the operation that was refused. */
    private void auditDenials(WebGraphQlRequest request, WebGraphQlResponse response, Authentication caller) {
        Authentication who = caller != null ? caller : SecurityContextHolder.getContext().getAuthentication();
        response.getErrors().stream()
                .map(error -> String.valueOf(error.getExtensions().get("code")))
                .filter(code -> AccessAuditRecorder.DENIAL_CODES.contains(code) && !"VALIDATION_TOO_MANY_SUBSCRIPTIONS".equals(code))
                .distinct()
                .forEach(code -> audit.denied(who, request.getRemoteAddress() == null ? null
                                : request.getRemoteAddress().getAddress().getHostAddress(),
                        code + " operation " + operationOf(request)));
    }

    /** The operation's name, else its first 120 characters: enough to see what was tried, bounded in size. */
    private static String operationOf(WebGraphQlRequest request) {
        if (request.getOperationName() != null) {
            return request.getOperationName();
        }
        String document = request.getDocument().replaceAll("\\s+", " ").trim();
        return document.length() <= 120 ? document : document.substring(0, 120) + "… (" + document.length() + " chars)";
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new HashMap<>(error.getExtensions());
        Object classification = extensions.getOrDefault("classification", error.getErrorType());
        extensions.putIfAbsent("code", codeFor(String.valueOf(classification), error.getMessage()));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (!error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }

    /** By graphql-java's classification name, as it appears in {@code extensions.classification}. */
    static String codeFor(String classification, String message) {
        if (message != null && (message.contains("maximum query depth") || message.contains("maximum query complexity")
                || message.contains("Denial Of Service"))) { // the last: graphql-java's parser token limit
            return "VALIDATION_QUERY_TOO_COMPLEX";
        }
        if (ErrorType.InvalidSyntax.name().equals(classification)) {
            return "VALIDATION_INVALID_SYNTAX";
        }
        if (ErrorType.ValidationError.name().equals(classification)) {
            return "VALIDATION_INVALID_QUERY";
        }
        if (ErrorType.DataFetchingException.name().equals(classification)) {
            return "INTERNAL_ERROR";
        }
        return "VALIDATION_INVALID_INPUT";
    }
}
