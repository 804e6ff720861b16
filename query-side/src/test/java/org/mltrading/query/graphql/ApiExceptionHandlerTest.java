package org.mltrading.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import org.axonframework.common.AxonTransientException;
import org.junit.jupiter.api.Test;

class ApiExceptionHandlerTest {

    @Test
    void a_transient_failure_is_a_coded_unavailable_without_internals() {
        GraphQLError error = ApiExceptionHandler.toError(new AxonTransientException("order entry is overloaded") {
        }, null, null);

        assertThat(error.getExtensions()).containsEntry("code", ApiErrorCode.UNAVAILABLE.name());
        assertThat(error.getMessage()).contains("send it again").doesNotContain("Exception");
    }

    @Test
    void an_unexpected_failure_stays_an_internal_error_without_internals() {
        GraphQLError error = ApiExceptionHandler.toError(new NullPointerException("x.y()"), null, null);

        assertThat(error.getExtensions()).containsEntry("code", ApiErrorCode.INTERNAL_ERROR.name());
        assertThat(error.getMessage()).doesNotContain("NullPointer");
    }
}
