package org.mltrading.query.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The platform is only usable once tokens can be obtained and verified, so health depends on the
 * auth server answering its OIDC discovery.
 */
@Component("authServerHealthIndicator")
class AuthServerHealthIndicator extends AbstractHealthIndicator {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;

    AuthServerHealthIndicator(@Value("${platform.auth.issuer}") String issuer) {
        super("auth server health check failed");
        this.discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
            builder.up().withDetail("discovery", discovery.toString());
        } else {
            builder.down().withDetail("discovery", discovery.toString()).withDetail("status", response.statusCode());
        }
    }
}
