package org.mltrading.query.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Projects account events into {@code accounts}. Saving by id makes every handler idempotent. */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class AccountProjection {

    private final MongoTemplate mongo;

    AccountProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        mongo.save(new AccountView(event.accountId().value(), event.name(), event.owner(), event.currency(),
                event.entitledPrincipals(), event.createdAt()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountView.class);
    }
}
