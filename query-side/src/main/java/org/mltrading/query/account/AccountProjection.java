package org.mltrading.query.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
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
import org.mltrading.api.account.TradingState;
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
        mongo.save(new AccountView(event.accountId().value(), event.name(), event.owner(), event.currency(),
                event.entitledPrincipals(), event.createdAt(), event.initialCash(), TradingState.ACTIVE, null, null,
                Map.of(), Map.of(), BigDecimal.ZERO, null, sequence));
    }

    @EventHandler
    void on(RiskLimitsSetEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, account -> account.limits = event.limits());
    }

    @EventHandler
    void on(AccountEntitlementGrantedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, account -> account.entitledPrincipals.add(event.principal()));
    }

    @EventHandler
    void on(AccountEntitlementRevokedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, account -> account.entitledPrincipals.remove(event.principal()));
    }

    @EventHandler
    void on(TradingStateChangedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, account -> {
            account.tradingState = event.state();
            account.tradingStateReason = event.reason();
        });
    }

    @EventHandler
    void on(PreTradeRiskApprovedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence,
                account -> account.reservedExposure.put(event.orderId().toString(), event.reservedExposure()));
    }

    @EventHandler
    void on(ExposureReleasedEvent event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, account -> account.reservedExposure.remove(event.orderId().toString()));
    }

    @EventHandler
    void on(FillAppliedEvent event, @SequenceNumber long sequence) {
        AccountView changed = update(event.accountId().value(), sequence, account -> {
            account.cash = event.cash();
            AccountView.PositionView previous = account.positions.get(event.symbol());
            BigDecimal realized = (previous == null || previous.realizedPnl() == null ? BigDecimal.ZERO : previous.realizedPnl())
                    .add(event.realizedPnl());
            account.positions.put(event.symbol(), new AccountView.PositionView(event.symbol(), event.positionQuantity(),
                    event.averagePrice(), realized, event.executedAt()));
            Instant day = event.executedAt().truncatedTo(ChronoUnit.DAYS);
            if (account.realizedPnlDay == null || !account.realizedPnlDay.equals(day)) {
                account.realizedPnlDay = day;
                account.realizedPnlToday = BigDecimal.ZERO;
            }
            account.realizedPnlToday = account.realizedPnlToday.add(event.realizedPnl());
            BigDecimal reserved = account.reservedExposure.get(event.orderId().toString());
            if (reserved != null) {
                BigDecimal left = reserved.subtract(event.price().multiply(event.quantity()));
                account.reservedExposure.put(event.orderId().toString(), left.signum() > 0 ? left : BigDecimal.ZERO);
            }
        });
        if (changed != null) {
            positionUpdates.publish(changed.id(), changed.positions().get(event.symbol()));
        }
    }

    /** Applies a change once; returns the new version, or null when skipped (replayed or unknown). */
    private AccountView update(String accountId, long sequence, Consumer<AccountView.Builder> change) {
        AccountView existing = mongo.findById(accountId, AccountView.class);
        if (existing == null || existing.lastSequence() >= sequence) {
            return null;
        }
        AccountView changed = existing.with(sequence, change);
        mongo.save(changed);
        positionUpdates.accountChanged(changed);
        return changed;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountView.class);
    }

}
