package org.mltrading.auth.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the auth server keeps users, clients and authorizations ({@code platform.auth.store}): an
 * H2 file under the data directory by default, any JDBC database (e.g. PostgreSQL) by URL.
 *
 * @param cleanupInterval how often authorizations whose every token has expired are deleted
 */
@ConfigurationProperties("platform.auth.store")
public record AuthStoreProperties(String url, String username, String password, Duration cleanupInterval) {

    public AuthStoreProperties {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("platform.auth.store.url must name a JDBC database");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
    }
}
