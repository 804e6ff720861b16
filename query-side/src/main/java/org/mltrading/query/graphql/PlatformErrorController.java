package org.mltrading.query.graphql;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error controller (its Whitelabel HTML page and its
 * {@code {"timestamp","status","error","path"}} body): an error that reaches the servlet container's
 * error dispatch answers like the API, a JSON {@code errors} array with a code, and says nothing about
 * the server (issue 14, "also"). GraphQL errors never come here; they are answered with HTTP 200/400.
 */
@RestController
class PlatformErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = attribute instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        Map<String, Object> error = Map.of("message", status.getReasonPhrase(), "extensions", Map.of("code", codeFor(status)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(error)));
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> ApiErrorCode.AUTH_UNAUTHENTICATED.name();
            case FORBIDDEN -> ApiErrorCode.PERMISSION_DENIED.name();
            case NOT_FOUND -> ApiErrorCode.NOT_FOUND.name();
            case PAYLOAD_TOO_LARGE -> "VALIDATION_REQUEST_TOO_LARGE";
            case TOO_MANY_REQUESTS -> ApiErrorCode.RATE_LIMITED.name();
            case SERVICE_UNAVAILABLE -> ApiErrorCode.UNAVAILABLE.name();
            default -> status.is4xxClientError() ? ApiErrorCode.VALIDATION_INVALID_INPUT.name() : ApiErrorCode.INTERNAL_ERROR.name();
        };
    }
}
