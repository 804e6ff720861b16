package org.mltrading.query.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}: Boot's indicator sends {@code hello}, which the embedded wire-protocol
 * server does not implement; {@code ping} works on it and on real MongoDB alike.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
