package org.mltrading.auth.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The auth server's own database. Spring Authorization Server's JDBC services keep clients,
 * authorizations (codes, access and refresh tokens) and consents; {@code platform_user} keeps users
 * and their second factor. Tables are created from the libraries' own schema scripts on first start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthStoreProperties.class)
public class AuthStoreConfiguration {

    private static final int TOTP_SECRET_WIDTH = 200;

    private static final Logger log = LoggerFactory.getLogger(AuthStoreConfiguration.class);

    private static final String SAS = "org/springframework/security/oauth2/server/authorization/";

    @Bean(destroyMethod = "close")
    HikariDataSource authStoreDataSource(AuthStoreProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("auth-store");
        dataSource.setJdbcUrl(properties.url());
        dataSource.setUsername(properties.username());
        dataSource.setPassword(properties.password());
        dataSource.setMaximumPoolSize(4);
        createMissingTables(dataSource);
        return dataSource;
    }

    @Bean
    JdbcTemplate authStoreJdbc(DataSource authStoreDataSource) {
        return new JdbcTemplate(authStoreDataSource);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate authStoreJdbc) {
        return new JdbcRegisteredClientRepository(authStoreJdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcTemplate authStoreJdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(authStoreJdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate authStoreJdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(authStoreJdbc, clients);
    }

    /**
     * Every client-credentials token is an authorization row: without a sweep the table grows with
     * each token ever issued. Rows are deleted once none of their tokens can still be used.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService expiredAuthorizationSweeper(JdbcTemplate authStoreJdbc, AuthStoreProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auth-store-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.cleanupInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> deleteExpiredAuthorizations(authStoreJdbc, Instant.now()),
                every, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Deletes authorizations without any token, code or refresh token still valid at {@code now}. */
    public static int deleteExpiredAuthorizations(JdbcTemplate jdbc, Instant now) {
        try {
            Timestamp at = Timestamp.from(now);
            return jdbc.update("""
                    DELETE FROM oauth2_authorization
                    WHERE (access_token_expires_at IS NULL OR access_token_expires_at < ?)
                      AND (refresh_token_expires_at IS NULL OR refresh_token_expires_at < ?)
                      AND (authorization_code_expires_at IS NULL OR authorization_code_expires_at < ?)
                      AND (oidc_id_token_expires_at IS NULL OR oidc_id_token_expires_at < ?)
                      AND access_token_issued_at IS NOT NULL
                    """, at, at, at, at);
        } catch (RuntimeException e) {
            log.warn("could not delete expired authorizations: {}", e.getMessage());
            return 0;
        }
    }

    private static void createMissingTables(DataSource dataSource) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            addIfMissing(connection, missing, "oauth2_registered_client", SAS + "client/oauth2-registered-client-schema.sql");
            addIfMissing(connection, missing, "oauth2_authorization", SAS + "oauth2-authorization-schema.sql");
            addIfMissing(connection, missing, "oauth2_authorization_consent", SAS + "oauth2-authorization-consent-schema.sql");
            addIfMissing(connection, missing, "platform_user", "db/platform-user-schema.sql");
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            if (postgres && !missing.isEmpty()) {
                // the libraries' scripts use blob/timestamp; PostgreSQL needs text/timestamptz (SAS's own note)
                throw new IllegalStateException("the auth store on PostgreSQL lacks its tables: create them "
                        + "with the script in docs/deployment.md before the first start");
            }
            if (!missing.isEmpty()) {
                ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
                missing.forEach(script -> populator.addScript(new ClassPathResource(script)));
                populator.populate(connection);
            }
            widenTotpSecretColumn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the auth store: " + e.getMessage(), e);
        }
    }

    /**
     * Stores created before TOTP secrets were encrypted have a 64-character column; an encrypted secret
     * needs more. {@code SET DATA TYPE} is understood by H2 and PostgreSQL alike.
     */
    private static void widenTotpSecretColumn(Connection connection) throws SQLException {
        for (String table : new String[] {"platform_user", "PLATFORM_USER"}) {
            for (String column : new String[] {"totp_secret", "TOTP_SECRET"}) {
                try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
                    if (columns.next()) {
                        if (columns.getInt("COLUMN_SIZE") < TOTP_SECRET_WIDTH) {
                            try (var statement = connection.createStatement()) {
                                statement.execute("ALTER TABLE platform_user ALTER COLUMN totp_secret SET DATA TYPE varchar("
                                        + TOTP_SECRET_WIDTH + ")");
                            }
                            log.info("widened platform_user.totp_secret to {} characters (encrypted secrets)", TOTP_SECRET_WIDTH);
                        }
                        return;
                    }
                }
            }
        }
    }

    private static void addIfMissing(Connection connection, java.util.List<String> missing, String table,
            String script) throws SQLException {
        if (!tableExists(connection, table)) {
            missing.add(script);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
