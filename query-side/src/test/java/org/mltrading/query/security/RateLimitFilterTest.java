package org.mltrading.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void requests_over_the_burst_get_429_with_retry_after_and_other_clients_are_unaffected() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(1, 3);
        authenticate("client-a");
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = call(filter);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentAsString()).contains("RATE_LIMITED");

        authenticate("client-b");
        assertThat(call(filter).getStatus()).isEqualTo(200);
    }

    @Test
    void anonymous_requests_are_left_to_authentication() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(1, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(call(filter).getStatus()).isEqualTo(200);
        }
    }

    private static void authenticate(String subject) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                subject, "n/a", List.of(new SimpleGrantedAuthority("ROLE_INTEGRATOR"))));
    }

    private static MockHttpServletResponse call(RateLimitFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, new MockFilterChain());
        return response;
    }
}
