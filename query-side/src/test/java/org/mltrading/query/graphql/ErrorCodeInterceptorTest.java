package org.mltrading.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issue 14, finding 12: over-complex documents answered HTTP 500 and closed WebSockets with 1011. */
class ErrorCodeInterceptorTest {

    private static final String OVER_COMPLEX = "{ " + "me ".repeat(3_000) + "}";

    @Test
    void an_over_complex_document_is_a_coded_refusal_not_a_failure() {
        WebGraphQlRequest request = httpRequest(OVER_COMPLEX);

        WebGraphQlResponse response = new ErrorCodeInterceptor().intercept(request, r -> Mono.just(executed(r))).block();

        assertThat(response.getErrors()).hasSize(1);
        assertThat(response.getErrors().get(0).getExtensions()).containsEntry("code", "VALIDATION_QUERY_TOO_COMPLEX");
        assertThat((Object) response.getExecutionResult().getData()).isNull();
    }

    @Test
    void over_a_websocket_the_refusal_is_an_error_message_for_that_operation() {
        WebGraphQlRequest request = new WebSocketGraphQlRequest(URI.create("ws://localhost/subscriptions"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "subscription " + OVER_COMPLEX.replace("me", "ticks")),
                "7", Locale.ENGLISH, mock(WebSocketSessionInfo.class));

        WebGraphQlResponse response = new ErrorCodeInterceptor().intercept(request, r -> Mono.just(executed(r))).block();

        // spring-graphql sends a stream that fails with SubscriptionPublisherException as an `error` message
        Object data = response.getExecutionResult().getData();
        assertThat(data).isInstanceOf(Publisher.class);
        Throwable ended = Flux.from((Publisher<?>) data).then()
                .materialize().block().getThrowable();
        assertThat(ended).isInstanceOf(SubscriptionPublisherException.class);
        assertThat(((SubscriptionPublisherException) ended).getErrors().get(0).getExtensions())
                .containsEntry("code", "VALIDATION_QUERY_TOO_COMPLEX");
        assertThat(response.getErrors()).as("still visible to the access audit").hasSize(1);
    }

    @Test
    void a_failure_outside_execution_is_an_internal_error_without_internals() {
        WebGraphQlResponse response = new ErrorCodeInterceptor().intercept(httpRequest("{ me }"),
                r -> Mono.error(new NullPointerException("x.y()"))).block();

        assertThat(response.getErrors().get(0).getExtensions()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(response.getErrors().get(0).getMessage()).doesNotContain("NullPointer");
    }

    private static WebGraphQlRequest httpRequest(String document) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, Map.of(), Map.of("query", document), "1", Locale.ENGLISH);
    }

    /** What graphql-java answers with the platform's complexity limit (500): an error without locations. */
    private static WebGraphQlResponse executed(WebGraphQlRequest request) {
        var schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { me: String } type Subscription { ticks: String }"),
                RuntimeWiring.newRuntimeWiring().build());
        ExecutionResult result = GraphQL.newGraphQL(schema).instrumentation(new MaxQueryComplexityInstrumentation(500))
                .build().execute(request.toExecutionInput());
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
