package org.mltrading.query.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.AccountEntitlementGrantedEvent;
import org.mltrading.api.account.AccountEntitlementRevokedEvent;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.RiskLimitsSetEvent;
import org.mltrading.api.account.TradingStateChangedEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects account events into {@code accounts}; every handler applies an event once (by aggregate
 * sequence), so replays after a crash or a reset are exact. Position changes are announced on
 * {@link PositionUpdates}.
 */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class AccountProjection {

    private final MongoTemplate mongo;
    private final PositionUpdates positionUpdates;

    AccountProjection(MongoTemplate mongo, PositionUpdates positionUpdates) {
        this.mongo = mongo;
        this.positionUpdates = positionUpdates;
    }

    @EventHandler
    void on(AccountCreatedEvent event, @SequenceNumber long sequence) {
        AccountView existing = mongo.findById(event.accountId().value(), AccountView.class);
        if (existing != null && existing.lastSequence() >= sequence) {
            return;
        }
        mongo.save(AccountStates.next(null, event, sequence));
    }

    @EventHandler
    void on(RiskLimitsSetEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(AccountEntitlementGrantedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(AccountEntitlementRevokedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(TradingStateChangedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(PreTradeRiskApprovedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(ExposureReleasedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(FillAppliedEvent event, @SequenceNumber long sequence) {
        AccountView changed = update(event.accountId().value(), sequence, event);
        if (changed != null) {
            positionUpdates.publish(changed.id(), changed.positions().get(event.symbol()));
        }
    }

    /** Applies a change once; returns the new version, or null when skipped (replayed or unknown). */
    private AccountView update(String accountId, long sequence, Object event) {
        AccountView existing = mongo.findById(accountId, AccountView.class);
        if (existing == null || existing.lastSequence() >= sequence) {
            return null;
        }
        AccountView changed = AccountStates.next(existing, event, sequence);
        mongo.save(changed);
        positionUpdates.accountChanged(changed);
        return changed;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountView.class);
    }

}
