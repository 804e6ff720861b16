package org.mltrading.query.access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records GraphQL refusals (not business rejections) in the access audit, with the operation that was
 * refused. Outermost interceptor: it sees every error after the error-code interceptor has coded it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeniedOperationAuditInterceptor implements WebGraphQlInterceptor {

    private final AccessAuditRecorder audit;

    DeniedOperationAuditInterceptor(AccessAuditRecorder audit) {
        this.audit = audit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return chain.next(request).doOnNext(response -> {
            if (response.getErrors().isEmpty()) {
                return;
            }
            Authentication who = caller != null ? caller : SecurityContextHolder.getContext().getAuthentication();
            String remote = request.getRemoteAddress() == null ? null : request.getRemoteAddress().getAddress().getHostAddress();
            response.getErrors().stream()
                    .map(error -> String.valueOf(error.getExtensions().get("code")))
                    // the subscription cap is recorded where it is enforced (WebSocketAuthInterceptor)
                    .filter(code -> AccessAuditRecorder.DENIAL_CODES.contains(code) && !"VALIDATION_TOO_MANY_SUBSCRIPTIONS".equals(code))
                    .distinct()
                    .forEach(code -> audit.denied(who, remote, code + " operation " + operationOf(request)));
        });
    }

    /** The operation's name, else its first 120 characters: enough to see what was tried, bounded in size. */
    private static String operationOf(WebGraphQlRequest request) {
        if (request.getOperationName() != null) {
            return request.getOperationName();
        }
        String document = request.getDocument().replaceAll("\\s+", " ").trim();
        return document.length() <= 120 ? document : document.substring(0, 120) + "… (" + document.length() + " chars)";
    }
}
