package org.mltrading.auth.web;

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
 * Replaces Spring Boot's error controller and its Whitelabel page (issue 14, "also"): a browser gets
 * the auth server's own plain page, a program a JSON {@code errors} array with a code; neither says
 * anything about the server.
 */
@RestController
class PlainErrorController implements ErrorController {

    @RequestMapping(value = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(Pages.page(status.getReasonPhrase(),
                "<h1>" + status.value() + " " + status.getReasonPhrase() + "</h1>"
                        + "<p class=\"hint\">Return to the platform and try again.</p>"));
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        String code = switch (status) {
            case UNAUTHORIZED -> "AUTH_UNAUTHENTICATED";
            case FORBIDDEN -> "PERMISSION_DENIED";
            case NOT_FOUND -> "NOT_FOUND";
            case TOO_MANY_REQUESTS -> "RATE_LIMITED";
            default -> status.is4xxClientError() ? "VALIDATION_INVALID_INPUT" : "INTERNAL_ERROR";
        };
        Map<String, Object> error = Map.of("message", status.getReasonPhrase(), "extensions", Map.of("code", code));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(error)));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return attribute instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
