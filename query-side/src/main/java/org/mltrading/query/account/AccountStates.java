package org.mltrading.query.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.AccountEntitlementGrantedEvent;
import org.mltrading.api.account.AccountEntitlementRevokedEvent;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.RiskLimitsApprovedEvent;
import org.mltrading.api.account.RiskLimitsProposedEvent;
import org.mltrading.api.account.RiskLimitsRejectedEvent;
import org.mltrading.api.account.RiskLimitsSetEvent;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.account.TradingStateChangedEvent;

/**
 * How one account event changes an account's state: the single fold shared by the live projection
 * and the time-travel rebuild ({@code account(id, asOf)}).
 */
final class AccountStates {

    private AccountStates() {
    }

    /**
     * The account after {@code event}, stamped with the event's aggregate {@code sequence}.
     *
     * @param current the account before the event; null before its AccountCreatedEvent
     * @return the new state; {@code current} for an event that does not concern the read model (a
     *         pre-trade rejection changes no figure but still advances the sequence)
     */
    static AccountView next(AccountView current, Object event, long sequence) {
        if (event instanceof AccountCreatedEvent created) {
            return new AccountView(created.accountId().value(), created.name(), created.owner(), created.currency(),
                    created.entitledPrincipals(), created.createdAt(), created.initialCash(), TradingState.ACTIVE, null,
                    null, Map.of(), BigDecimal.ZERO, BigDecimal.ZERO, null, sequence, Map.of());
        }
        if (current == null) {
            return null;
        }
        if (event instanceof RiskLimitsSetEvent limits) {
            return current.with(sequence, account -> account.limits = limits.limits());
        }
        if (event instanceof AccountEntitlementGrantedEvent granted) {
            return current.with(sequence, account -> account.entitledPrincipals.add(granted.principal()));
        }
        if (event instanceof AccountEntitlementRevokedEvent revoked) {
            return current.with(sequence, account -> account.entitledPrincipals.remove(revoked.principal()));
        }
        if (event instanceof TradingStateChangedEvent changed) {
            return current.with(sequence, account -> {
                account.tradingState = changed.state();
                account.tradingStateReason = changed.reason();
            });
        }
        if (event instanceof PreTradeRiskApprovedEvent approved) {
            return current.with(sequence,
                    account -> account.reservedNotional = account.reservedNotional.add(approved.reservedExposure()));
        }
        if (event instanceof ExposureReleasedEvent released) {
            return current.with(sequence, account -> account.reservedNotional = atLeastZero(
                    account.reservedNotional.subtract(released.released())));
        }
        if (event instanceof FillAppliedEvent fill) {
            return current.with(sequence, account -> applyFill(account, fill));
        }
        if (event instanceof RiskLimitsProposedEvent proposed) {
            return current.with(sequence, account -> account.limitProposals.put(proposed.proposalId(),
                    new AccountView.LimitProposalView(proposed.proposalId(), proposed.limits(), proposed.proposedBy(),
                            proposed.reason(), proposed.proposedAt())));
        }
        if (event instanceof RiskLimitsApprovedEvent approved) {
            return current.with(sequence, account -> account.limitProposals.remove(approved.proposalId()));
        }
        if (event instanceof RiskLimitsRejectedEvent rejected) {
            return current.with(sequence, account -> account.limitProposals.remove(rejected.proposalId()));
        }
        if (event instanceof PreTradeRiskRejectedEvent) {
            // changes no figure, but the document follows the stream event by event: a hole in the
            // sequence numbers then always means a missed event (AccountProjection fills it)
            return current.with(sequence, account -> { });
        }
        return current;
    }

    private static void applyFill(AccountView.Builder account, FillAppliedEvent event) {
        account.cash = event.cash();
        AccountView.PositionView previous = account.positions.get(event.symbol());
        BigDecimal realized = (previous == null || previous.realizedPnl() == null ? BigDecimal.ZERO : previous.realizedPnl())
                .add(event.realizedPnl());
        account.positions.put(event.symbol(), new AccountView.PositionView(event.symbol(), event.positionQuantity(),
                event.averagePrice(), realized, event.executedAt(), 0L));
        Instant day = event.executedAt().truncatedTo(ChronoUnit.DAYS);
        if (account.realizedPnlDay == null || !account.realizedPnlDay.equals(day)) {
            account.realizedPnlDay = day;
            account.realizedPnlToday = BigDecimal.ZERO;
        }
        account.realizedPnlToday = account.realizedPnlToday.add(event.realizedPnl());
        // the account aggregate says how much of the order's reservation the fill consumed; an event stored
        // before it said so counts its whole notional (at most what is reserved)
        BigDecimal used = event.reservationUsed() != null ? event.reservationUsed()
                : event.price().multiply(event.quantity());
        account.reservedNotional = atLeastZero(account.reservedNotional.subtract(used));
    }

    private static BigDecimal atLeastZero(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }
}
