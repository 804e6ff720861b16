package org.mltrading.query.marketdata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time-series store, reached over its PostgreSQL wire protocol (embedded in all-in-one, a QuestDB
 * server by URL in production). Deliberately not a {@code DataSource} bean: the primary DataSource is
 * Axon's event store, and a second bean would switch Boot's DataSource auto-configuration off.
 */
@Component
public class QuestDb implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QuestDb.class);

    private final HikariDataSource pool;

    public QuestDb(@Value("${platform.questdb.url}") String url,
                   @Value("${platform.questdb.user:admin}") String user,
                   @Value("${platform.questdb.password:quest}") String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("questdb");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // the PG wire of QuestDB has no real transactions; autocommit is what it expects
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        this.pool = new HikariDataSource(config);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Creates the tables if missing; called once the store is reachable. */
    public void ensureSchema() throws SQLException {
        try (Connection connection = connection()) {
            MarketDataTables.create(connection);
        }
        log.info("QuestDB schema ready");
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
