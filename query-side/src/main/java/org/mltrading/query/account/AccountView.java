package org.mltrading.query.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.TradingState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of an account in MongoDB ({@code accounts}): identity and entitlements, cash, positions,
 * limits, trading state and the total exposure reserved by open orders (one number, not an entry per
 * open order: the document is read on every order and rewritten every batch). Money in the account
 * currency.
 * {@code lastSequence} makes the projection idempotent (see OrderView).
 */
@Document("accounts")
public record AccountView(
        @Id String id,
        String name,
        String owner,
        String currency,
        Set<String> entitledPrincipals,
        Instant createdAt,
        BigDecimal cash,
        TradingState tradingState,
        String tradingStateReason,
        RiskLimits limits,
        Map<String, PositionView> positions,
        BigDecimal reservedNotional,
        BigDecimal realizedPnlToday,
        Instant realizedPnlDay,
        long lastSequence,
        Map<String, LimitProposalView> limitProposals) {

    /** Limits that raise some limit, proposed and waiting for a second risk officer (four eyes). */
    public record LimitProposalView(String proposalId, RiskLimits limits, String proposedBy, String reason,
                                    Instant proposedAt) {
    }

    /**
     * A position: signed quantity (negative = short), average entry price, P&L realised on it so far, and
     * the cursor of its latest change in the {@code positions} change log (0 before it had one).
     */
    public record PositionView(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal realizedPnl,
                               Instant updatedAt, long cursor) {

        PositionView withCursor(long newCursor) {
            return new PositionView(symbol, quantity, averagePrice, realizedPnl, updatedAt, newCursor);
        }
    }

    AccountView with(long sequence, java.util.function.Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build(sequence);
    }

    /** Mutable copy used by the projection to derive the next version. */
    static final class Builder {
        private final AccountView base;
        BigDecimal cash;
        TradingState tradingState;
        String tradingStateReason;
        RiskLimits limits;
        final Map<String, PositionView> positions;
        BigDecimal reservedNotional;
        BigDecimal realizedPnlToday;
        Instant realizedPnlDay;
        final Set<String> entitledPrincipals;
        final Map<String, LimitProposalView> limitProposals;

        Builder(AccountView base) {
            this.base = base;
            this.entitledPrincipals = new java.util.TreeSet<>(base.entitledPrincipals == null ? Set.of() : base.entitledPrincipals);
            this.cash = base.cash;
            this.tradingState = base.tradingState;
            this.tradingStateReason = base.tradingStateReason;
            this.limits = base.limits;
            this.positions = new HashMap<>(base.positions == null ? Map.of() : base.positions);
            this.reservedNotional = base.reservedNotional == null ? BigDecimal.ZERO : base.reservedNotional;
            this.realizedPnlToday = base.realizedPnlToday == null ? BigDecimal.ZERO : base.realizedPnlToday;
            this.realizedPnlDay = base.realizedPnlDay;
            this.limitProposals = new java.util.TreeMap<>(base.limitProposals == null ? Map.of() : base.limitProposals);
        }

        AccountView build(long sequence) {
            return new AccountView(base.id, base.name, base.owner, base.currency, Set.copyOf(entitledPrincipals), base.createdAt,
                    cash, tradingState, tradingStateReason, limits, positions, reservedNotional, realizedPnlToday,
                    realizedPnlDay, sequence, Map.copyOf(limitProposals));
        }
    }
}
