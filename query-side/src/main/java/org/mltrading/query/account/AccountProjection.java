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
import org.mltrading.query.projection.BatchedDocuments;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.mltrading.query.audit.EventHistory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;

/**
 * Projects account events into {@code accounts}; every handler applies an event once (by aggregate
 * sequence), so replays after a crash or a reset are exact. Position changes are announced on
 * {@link PositionUpdates} once written; the documents of one processor batch are written together
 * ({@link BatchedDocuments}).
 */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class AccountProjection {

    private final MongoTemplate mongo;
    private final PositionUpdates positionUpdates;
    private final BatchedDocuments<AccountView> accounts;
    private final PositionChangeLog positionChanges;
    private final EventHistory history;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccountProjection.class);

    AccountProjection(MongoTemplate mongo, PositionUpdates positionUpdates, PositionChangeLog positionChanges,
                      EventHistory history) {
        this.history = history;
        this.mongo = mongo;
        this.positionChanges = positionChanges;
        this.positionUpdates = positionUpdates;
        this.accounts = new BatchedDocuments<>(mongo, AccountView.class, AccountView::id, "AccountAggregate");
    }

    @EventHandler
    void on(AccountCreatedEvent event, @SequenceNumber long sequence) {
        AccountView existing = accounts.find(event.accountId().value());
        if (existing != null && existing.lastSequence() >= sequence) {
            return;
        }
        accounts.save(AccountStates.next(null, event, sequence), () -> { });
    }

    @EventHandler
    void on(RiskLimitsSetEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(org.mltrading.api.account.RiskLimitsProposedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(org.mltrading.api.account.RiskLimitsApprovedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(org.mltrading.api.account.RiskLimitsRejectedEvent event, @SequenceNumber long sequence) {
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
    void on(PreTradeRiskRejectedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    @EventHandler
    void on(ExposureReleasedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, event);
    }

    /** A fill changes one position: logged under its cursor (positions stream), stored and announced with it. */
    @EventHandler
    void on(FillAppliedEvent event, @SequenceNumber long sequence) {
        String accountId = event.accountId().value();
        AccountView existing = upTo(accountId, accounts.find(accountId), sequence, event);
        if (existing == null || existing.lastSequence() >= sequence) {
            return;
        }
        AccountView changed = AccountStates.next(existing, event, sequence);
        AccountView.PositionView position = changed.positions().get(event.symbol());
        PositionUpdates.PositionChange logged = positionChanges.log().record(accountId, accountId, sequence,
                cursor -> new PositionUpdates.PositionChange(accountId, position.withCursor(cursor)));
        AccountView stamped = changed.with(sequence, account -> account.positions.put(event.symbol(), logged.position()));
        accounts.save(stamped, () -> {
            positionUpdates.accountChanged(stamped);
            positionUpdates.publish(logged);
        });
    }

    private void update(String accountId, long sequence, Object event) {
        update(accountId, sequence, event, changed -> { });
    }

    /**
     * Applies a change once (skipped when replayed or the account is unknown); {@code announce} runs
     * with the new version once it is written.
     */
    private void update(String accountId, long sequence, Object event, java.util.function.Consumer<AccountView> announce) {
        AccountView existing = upTo(accountId, accounts.find(accountId), sequence, event);
        if (existing == null || existing.lastSequence() >= sequence) {
            return;
        }
        AccountView changed = AccountStates.next(existing, event, sequence);
        accounts.save(changed, () -> {
            positionUpdates.accountChanged(changed);
            announce.accept(changed);
        });
    }

    /**
     * The account just before {@code sequence}. The document follows the account's stream event by event,
     * so a hole means an event was missed (the embedded store has delivered an aggregate's events out of
     * order; see OrderProjection): it is filled from the account's own events in the event store, never
     * skipped — a skipped approval or fill would leave the figures wrong for good.
     */
    private AccountView upTo(String accountId, AccountView existing, long sequence, Object event) {
        long applied = existing == null ? -1 : existing.lastSequence();
        if (applied >= sequence - 1) {
            return existing;
        }
        log.warn("account {}: {} (sequence {}) arrived with the read model at sequence {}; applying the events in "
                + "between from the event store", accountId, event.getClass().getSimpleName(), sequence, applied);
        AccountView state = existing;
        for (DomainEventMessage<?> missed : history.aggregate(accountId, applied + 1)) {
            if (missed.getSequenceNumber() >= sequence) {
                break;
            }
            state = AccountStates.next(state, missed.getPayload(), missed.getSequenceNumber());
        }
        return state;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountView.class);
    }

}
