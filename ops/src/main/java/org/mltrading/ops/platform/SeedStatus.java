package org.mltrading.ops.platform;

import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Health contributor "seed": DOWN until the seeded accounts are readable, so "health UP" means a
 * client can trade right away. Without the local profile nothing is expected and it is UP.
 */
@Component("seedHealthIndicator")
class SeedStatus extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private volatile List<String> expectedAccounts;
    private volatile boolean seeded;

    SeedStatus(MongoTemplate mongo, org.springframework.core.env.Environment environment) {
        this.mongo = mongo;
        this.expectedAccounts = environment.matchesProfiles("local") ? null : List.of();
    }

    void expect(List<String> accountIds) {
        expectedAccounts = List.copyOf(accountIds);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> expected = expectedAccounts;
        if (expected == null) {
            builder.down().withDetail("accounts", "seeding");
            return;
        }
        if (!seeded) {
            long found = mongo.count(new Query(Criteria.where("_id").in(expected)), "accounts");
            seeded = found == expected.size();
        }
        if (seeded) {
            builder.up();
        } else {
            builder.down().withDetail("accounts", "projecting");
        }
    }
}
