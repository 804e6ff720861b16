package org.mltrading.query.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
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

    private static final Logger log = LoggerFactory.getLogger(ErrorCodeInterceptor.class);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mono<WebGraphQlResponse> coded = chain.next(request)
                .map(response -> {
                    List<ResponseError> errors = response.getErrors();
                    if (errors.isEmpty() || errors.stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
                        return response;
                    }
                    return response.transform(builder -> builder.errors(errors.stream().map(ErrorCodeInterceptor::withCode).toList()));
                })
                // a failure outside graphql-java's own error handling (here or further in) would otherwise
                // become Spring's HTTP 500 body, or close the whole WebSocket with 1011 (issue 14, finding 12)
                .onErrorResume(failure -> Mono.just(refusal(request, failure)));
        return request instanceof WebSocketGraphQlRequest ? coded.map(ErrorCodeInterceptor::asErrorMessage) : coded;
    }

    /**
     * graphql-transport-ws answers an operation refused before execution (no data, only errors) with an
     * {@code error} message for its id, and the connection and its other subscriptions carry on. Spring
     * sends such a result as {@code next} + {@code complete}; as a stream that fails with the errors it
     * sends {@code error}. The errors stay on the response for the access audit.
     */
    private static WebGraphQlResponse asErrorMessage(WebGraphQlResponse response) {
        if (response.getErrors().isEmpty() || response.getExecutionResult().getData() != null) {
            return response;
        }
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        return response.transform(builder -> builder.data(Flux.error(new SubscriptionPublisherException(errors, null))));
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, Throwable failure) {
        GraphQLError error;
        if (failure instanceof GraphQLError graphQlError) { // e.g. AbortExecutionException of a query limit
            Map<String, Object> extensions = new HashMap<>(graphQlError.getExtensions() == null ? Map.of() : graphQlError.getExtensions());
            extensions.putIfAbsent("code", codeFor(String.valueOf(graphQlError.getErrorType()), graphQlError.getMessage()));
            error = GraphqlErrorBuilder.newError().message(graphQlError.getMessage()).extensions(extensions).build();
        } else {
            log.error("GraphQL request failed outside execution", failure);
            error = GraphqlErrorBuilder.newError().message("internal error; the platform logged it")
                    .extensions(Map.of("code", ApiErrorCode.INTERNAL_ERROR.name())).build();
        }
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new HashMap<>(error.getExtensions());
        Object classification = extensions.getOrDefault("classification", error.getErrorType());
        extensions.putIfAbsent("code", codeFor(String.valueOf(classification), error.getMessage()));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .extensions(extensions);
        // a query-limit refusal (MaxQueryComplexityInstrumentation) has no locations at all: null, not empty,
        // which failed here with a NullPointerException, answered HTTP 500 (issue 14, finding 12)
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
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
