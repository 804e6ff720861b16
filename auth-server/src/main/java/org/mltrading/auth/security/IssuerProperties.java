package org.mltrading.auth.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer every token and the discovery document name ({@code platform.auth.issuer}). Checked
 * here because Spring Authorization Server fails late and obscurely on an empty or relative one.
 */
@ConfigurationProperties("platform.auth")
public record IssuerProperties(String issuer) {

    public IssuerProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException(
                    "platform.auth.issuer (AUTH_ISSUER) must be an absolute URL, e.g. http://localhost:9000");
        }
        URI uri = URI.create(issuer);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "platform.auth.issuer (AUTH_ISSUER) must be an absolute URL, got '" + issuer + "'");
        }
    }
}
