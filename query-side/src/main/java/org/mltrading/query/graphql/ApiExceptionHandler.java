package org.mltrading.query.graphql;

import com.netflix.graphql.types.errors.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.query.security.ApiAccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become GraphQL errors with {@code extensions.code}. Known failures
 * keep their human message; anything unexpected is logged with its stack trace and answered with
 * INTERNAL_ERROR and no internals.
 */
@Component
public class ApiExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable error = unwrap(parameters.getException());
        ResultPath path = parameters.getPath();
        SourceLocation location = parameters.getSourceLocation();
        GraphQLError graphQlError = toError(error, path, location);
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(graphQlError).build());
    }

    static GraphQLError toError(Throwable error, ResultPath path, SourceLocation location) {
        String code;
        String message;
        if (error instanceof ApiException api) {
            code = api.code();
            message = api.getMessage();
        } else if (error instanceof ApiAccessDeniedException || error instanceof AccessDeniedException
                || error instanceof AuthorizationDeniedException) {
            code = ApiErrorCode.PERMISSION_DENIED.name();
            message = "not permitted";
        } else if (error instanceof CommandExecutionException command
                && command.getDetails().orElse(null) instanceof OrderRejection rejection) {
            code = rejection.code().name();
            message = rejection.message();
        } else if (error instanceof CommandExecutionException command
                && command.getDetails().orElse(null) instanceof org.mltrading.api.account.RiskRejection rejection) {
            code = rejection.code().name();
            message = rejection.message();
        } else if (error instanceof CommandExecutionException command
                && command.getDetails().orElse(null) instanceof org.mltrading.api.alert.AlertRejection rejection) {
            code = rejection.code().name();
            message = rejection.message();
        } else if (error instanceof CommandExecutionException command
                && command.getDetails().orElse(null) instanceof org.mltrading.api.model.ModelRejection rejection) {
            code = rejection.code() == org.mltrading.api.model.ModelErrorCode.MODEL_PERMISSION_DENIED
                    ? ApiErrorCode.PERMISSION_DENIED.name() : rejection.code().name();
            message = rejection.message();
        } else if (error instanceof IllegalArgumentException) {
            code = ApiErrorCode.VALIDATION_INVALID_INPUT.name();
            message = error.getMessage();
        } else if (error instanceof org.axonframework.common.AxonTransientException) {
            // Axon's own mark for "may succeed if tried again" (e.g. order entry overloaded or stopping)
            code = ApiErrorCode.UNAVAILABLE.name();
            message = "the platform cannot take this request right now; send it again shortly"
                    + " (orders are idempotent on clientOrderId)";
        } else {
            log.error("Unexpected error at {}", path, error);
            code = ApiErrorCode.INTERNAL_ERROR.name();
            message = "internal error; the platform logged it";
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message)
                .errorType(classification(code))
                .extensions(Map.of("code", code));
        if (path != null) {
            builder.path(path);
        }
        if (location != null) {
            builder.locations(List.of(location));
        }
        return builder.build();
    }

    /** DGS's error taxonomy, kept consistent with our code (it otherwise reports everything as UNAVAILABLE). */
    private static ErrorType classification(String code) {
        if (code.equals(ApiErrorCode.PERMISSION_DENIED.name())) {
            return ErrorType.PERMISSION_DENIED;
        }
        if (code.equals(ApiErrorCode.NOT_FOUND.name())) {
            return ErrorType.NOT_FOUND;
        }
        if (code.equals(ApiErrorCode.INTERNAL_ERROR.name())) {
            return ErrorType.INTERNAL;
        }
        if (code.equals(ApiErrorCode.UNAVAILABLE.name())) {
            return ErrorType.UNAVAILABLE;
        }
        return ErrorType.BAD_REQUEST;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
