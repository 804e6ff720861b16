package org.mltrading.query.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses a document with a run of more than {@value #MAX_DIGITS} digits before graphql-java parses
 * it (issue 14, finding 1, the literal side): its parser turns every number literal into a
 * {@code BigInteger}/{@code BigDecimal} while parsing, and that conversion is quadratic — a
 * one-million-digit literal (a 1 MB body, under the size limit) costs about 15 s of CPU, before the
 * {@link DecimalScalar} bounds could look at it. No legitimate document needs such a run: a Decimal
 * has at most 64 characters and ids are at most 64. A linear scan of the text, answered with
 * {@value DecimalScalar#OUT_OF_RANGE}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NumberLiteralLimitInterceptor implements WebGraphQlInterceptor {

    static final int MAX_DIGITS = 1_000;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (longestDigitRun(request.getDocument()) > MAX_DIGITS) {
            ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message(DecimalScalar.OUT_OF_RANGE_MESSAGE + ": the document has a run of more than " + MAX_DIGITS
                            + " digits")
                    .extensions(Map.of("code", DecimalScalar.OUT_OF_RANGE)).build()).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
        }
        return chain.next(request);
    }

    static int longestDigitRun(String document) {
        if (document == null) {
            return 0;
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
