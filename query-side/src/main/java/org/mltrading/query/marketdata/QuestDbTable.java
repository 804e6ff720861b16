package org.mltrading.query.marketdata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A QuestDB table a store creates on first use ({@code CREATE TABLE IF NOT EXISTS}), so a store works on
 * a fresh database and on one another node created: connections come from the pool, the DDL runs once.
 */
public final class QuestDbTable {

    private final QuestDb questDb;
    private final String ddl;
    private volatile boolean created;

    public QuestDbTable(QuestDb questDb, String ddl) {
        this.questDb = questDb;
        this.ddl = ddl;
    }

    /** A pooled connection, the table existing; close it after use. */
    public Connection connection() throws SQLException {
        Connection connection = questDb.connection();
        if (!created) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            created = true;
        }
        return connection;
    }
}
