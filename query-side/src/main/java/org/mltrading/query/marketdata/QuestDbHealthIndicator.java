package org.mltrading.query.marketdata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** UP when QuestDB answers a query against the platform's own table. */
@Component("questdbHealthIndicator")
class QuestDbHealthIndicator extends AbstractHealthIndicator {

    private final QuestDb questDb;
    private final QuestDbSchemaInitializer schema;

    QuestDbHealthIndicator(QuestDb questDb, QuestDbSchemaInitializer schema) {
        super("QuestDB health check failed");
        this.questDb = questDb;
        this.schema = schema;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (!schema.isReady()) {
            builder.down().withDetail("schema", "not created");
            return;
        }
        try (Connection connection = questDb.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM quotes")) {
            rows.next();
            builder.up().withDetail("quotes", rows.getLong(1));
        }
    }
}
