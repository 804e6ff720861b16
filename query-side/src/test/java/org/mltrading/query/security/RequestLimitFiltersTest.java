package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestLimitFiltersTest {

    @Test
    void a_body_over_the_limit_is_refused_with_413_and_a_coded_error() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setContent(new byte[2_000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new RequestSizeLimitFilter(1_000).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("VALIDATION_REQUEST_TOO_LARGE");
        assertThat(chain.getRequest()).isNull();
    }

    /** Issue 14, finding 12: a chunked body over the limit answered 400 (the GraphQL handler's read failure). */
    @Test
    void a_chunked_body_over_the_limit_is_refused_with_413_before_the_handler_reads_it() throws Exception {
        MockHttpServletRequest request = chunked(new byte[2_000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new RequestSizeLimitFilter(1_000).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("VALIDATION_REQUEST_TOO_LARGE");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void a_chunked_body_within_the_limit_reaches_the_handler_whole() throws Exception {
        byte[] body = "{\"query\":\"{ me { subject } }\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MockFilterChain chain = new MockFilterChain();

        new RequestSizeLimitFilter(1_000).doFilter(chunked(body), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
    }

    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: no Content-Length
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    @Test
    void a_handshake_from_a_foreign_origin_is_refused_and_programs_without_origin_pass() throws Exception {
        WebSocketOriginFilter filter = new WebSocketOriginFilter(Set.of("http://localhost:8080"));

        assertThat(handshake(filter, "https://evil.example").getStatus()).isEqualTo(403);
        assertThat(handshake(filter, "http://localhost:8080").getStatus()).isEqualTo(200);
        assertThat(handshake(filter, null).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse handshake(WebSocketOriginFilter filter, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/subscriptions");
        request.addHeader("Host", "platform.internal:8080");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
