package org.mltrading.query.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
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
/** Innermost of the interceptors, so that outer ones (the access audit) see the codes. */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty() || errors.stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(ErrorCodeInterceptor::withCode).toList()));
        });
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
        if (message != null && message.contains(DecimalScalar.OUT_OF_RANGE_MESSAGE)) {
            // a Decimal literal in the document, refused by DecimalScalar during validation (a variable's
            // refusal already carries the code)
            return DecimalScalar.OUT_OF_RANGE;
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
