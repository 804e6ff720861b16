package org.mltrading.command.account;

import org.mltrading.command.CommandSideConfiguration;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.AccountEntitlementGrantedEvent;
import org.mltrading.api.account.AccountEntitlementRevokedEvent;
import org.mltrading.api.account.GrantAccountEntitlementCommand;
import org.mltrading.api.account.RevokeAccountEntitlementCommand;
import org.mltrading.api.account.ApplyFillCommand;
import org.mltrading.api.account.ApproveRiskLimitsCommand;
import org.mltrading.api.account.ProposeRiskLimitsCommand;
import org.mltrading.api.account.RejectRiskLimitsCommand;
import org.mltrading.api.account.RiskLimitsApprovedEvent;
import org.mltrading.api.account.RiskLimitsProposedEvent;
import org.mltrading.api.account.RiskLimitsRejectedEvent;
import org.mltrading.api.account.ChangeTradingStateCommand;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeCheckReport;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.PreviewPreTradeRiskCommand;
import org.mltrading.api.account.ReleaseExposureCommand;
import org.mltrading.api.account.RiskCheckResult;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.RiskLimitsSetEvent;
import org.mltrading.api.account.RiskRejection;
import org.mltrading.api.account.SetRiskLimitsCommand;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.account.TradingStateChangedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;

/**
 * A trading account: owner, entitlements, cash, positions, risk limits and kill switch. It answers
 * the pre-trade risk check of every order (a business verdict, so an event either way), reserves the
 * approved notional until the order ends and books the fills.
 *
 * <p>Time comes from the injected {@link Clock} (checks, releases) or from the fill's execution time;
 * "today" for the daily loss limit is the UTC day. Commands that the sagas may deliver twice are
 * idempotent: a repeated check of the same order, a re-sent fill (same order and fillId) and a release
 * of an order with nothing reserved change nothing.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class AccountAggregate {

    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

    @AggregateIdentifier
    private AccountId accountId;
    private String owner;
    private Set<String> entitledPrincipals;
    private BigDecimal cash;
    private RiskLimits limits;
    private TradingState tradingState;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<OrderId, Reservation> reservations = new LinkedHashMap<>();
    /**
     * Running totals of {@link #reservations}, kept by {@link #reserve}: a check reads them instead of
     * summing every open order (order entry checks on one thread, so a check must not be O(open orders)).
     */
    private BigDecimal reservedNotional = BigDecimal.ZERO;
    private final Map<String, BigDecimal> openQuantities = new HashMap<>();
    /** Orders that have had their pre-trade verdict; a repeated check answers nothing new. */
    private final Set<OrderId> checkedOrders = new HashSet<>();
    /** Booked fills as "orderId/fillId": the venue's fillId is unique per order only. */
    private final Set<String> appliedFills = new HashSet<>();
    private BigDecimal realisedPnlOfDay = BigDecimal.ZERO;
    /** The UTC day {@link #realisedPnlOfDay} belongs to; null before the first fill. */
    private LocalDate pnlDay;
    /** Open proposals of limits that raise some limit, by proposal id: they wait for a second officer. */
    private final Map<String, Proposal> proposals = new HashMap<>();

    private record Proposal(RiskLimits limits, String proposedBy) {
    }

    /** Times of the checks within the last second of the newest one, oldest first. */
    private final Deque<Instant> recentChecks = new ArrayDeque<>();

    protected AccountAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    public AccountAggregate(CreateAccountCommand command, Clock clock) {
        if (command.owner() == null || command.owner().isBlank()) {
            throw new IllegalArgumentException("an account needs an owner");
        }
        if (command.initialCash() == null || command.initialCash().signum() < 0) {
            throw new IllegalArgumentException("initial cash must be zero or more");
        }
        RiskLimits initialLimits = normalised(command.limits() != null ? command.limits() : RiskLimits.defaults());
        RiskPolicies.validate(initialLimits);
        Instant now = clock.instant();
        Set<String> principals = command.entitledPrincipals() == null ? Set.of()
                : Set.copyOf(command.entitledPrincipals());
        apply(new AccountCreatedEvent(command.accountId(), command.name(), command.owner(), command.currency(),
                command.initialCash(), principals, now));
        apply(new RiskLimitsSetEvent(command.accountId(), initialLimits, now));
    }

    /**
     * Applies limits that raise nothing at once; a rise of any limit (or a symbol taken off the restricted
     * list) is refused with RISK_APPROVAL_REQUIRED: it must be proposed and approved by a second officer.
     */
    @CommandHandler
    void handle(SetRiskLimitsCommand command, Clock clock) {
        RiskPolicies.validate(command.limits());
        RiskLimits next = normalised(command.limits());
        List<String> rises = RiskPolicies.rises(limits, next);
        if (!rises.isEmpty()) {
            throw RiskPolicies.refused(new RiskRejection(RiskErrorCode.RISK_APPROVAL_REQUIRED, "raising "
                    + String.join(", ", rises) + " needs a second risk officer: propose the limits (proposeRiskLimits)"));
        }
        apply(new RiskLimitsSetEvent(accountId, next, clock.instant()));
    }

    @CommandHandler
    void handle(ProposeRiskLimitsCommand command, Clock clock) {
        RiskPolicies.validate(command.limits());
        if (command.proposalId() == null || command.proposalId().isBlank() || command.proposedBy() == null) {
            throw new IllegalArgumentException("a proposal needs an id and a proposer");
        }
        if (proposals.containsKey(command.proposalId())) {
            return; // a resend of the same proposal
        }
        apply(new RiskLimitsProposedEvent(accountId, command.proposalId(), normalised(command.limits()),
                command.proposedBy(), command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(ApproveRiskLimitsCommand command, Clock clock) {
        Proposal proposal = openProposal(command.proposalId());
        if (proposal.proposedBy().equals(command.approvedBy())) {
            throw RiskPolicies.refused(new RiskRejection(RiskErrorCode.RISK_APPROVAL_BY_PROPOSER, command.approvedBy()
                    + " proposed these limits: a different risk officer must approve them"));
        }
        Instant now = clock.instant();
        apply(new RiskLimitsApprovedEvent(accountId, command.proposalId(), command.approvedBy(), command.reason(), now));
        apply(new RiskLimitsSetEvent(accountId, proposal.limits(), now));
    }

    @CommandHandler
    void handle(RejectRiskLimitsCommand command, Clock clock) {
        openProposal(command.proposalId());
        apply(new RiskLimitsRejectedEvent(accountId, command.proposalId(), command.rejectedBy(), command.reason(),
                clock.instant()));
    }

    private Proposal openProposal(String proposalId) {
        Proposal proposal = proposalId == null ? null : proposals.get(proposalId);
        if (proposal == null) {
            throw RiskPolicies.refused(new RiskRejection(RiskErrorCode.RISK_PROPOSAL_NOT_FOUND,
                    "no open proposal " + proposalId + " on account " + accountId));
        }
        return proposal;
    }

    @CommandHandler
    void handle(ChangeTradingStateCommand command, Clock clock) {
        if (command.state() == null) {
            throw new IllegalArgumentException("a trading state is required");
        }
        if (command.state() == tradingState) {
            return; // already in that state: nothing happened
        }
        apply(new TradingStateChangedEvent(accountId, command.state(), command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(GrantAccountEntitlementCommand command, Clock clock) {
        String principal = requirePrincipal(command.principal());
        if (principal.equals(owner) || entitledPrincipals.contains(principal)) {
            return; // already entitled: nothing happened
        }
        apply(new AccountEntitlementGrantedEvent(accountId, principal, clock.instant()));
    }

    @CommandHandler
    void handle(RevokeAccountEntitlementCommand command, Clock clock) {
        String principal = requirePrincipal(command.principal());
        if (principal.equals(owner)) {
            throw new IllegalArgumentException("the owner's access to the account cannot be revoked");
        }
        if (!entitledPrincipals.contains(principal)) {
            return;
        }
        apply(new AccountEntitlementRevokedEvent(accountId, principal, clock.instant()));
    }

    private static String requirePrincipal(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("an entitlement needs a user name or client id");
        }
        return principal.trim();
    }

    @CommandHandler
    void handle(CheckPreTradeRiskCommand command, Clock clock) {
        decide(command, clock.instant());
    }

    /**
     * The pre-trade verdict on a new order, stored as an event either way (an approval reserves the
     * notional). {@code OrderEntry} calls this inside the unit of work that places the order, so the
     * order and its verdict are appended together. Answers the breach, empty when approved; a repeated
     * check of the same order stores nothing and answers empty.
     */
    public Optional<RiskRejection> decide(CheckPreTradeRiskCommand command, Instant now) {
        if (checkedOrders.contains(command.orderId())) {
            return Optional.empty(); // the verdict is already stored
        }
        PreTradeOrder order = PreTradeOrder.of(command, now);
        Optional<RiskRejection> breach = RiskPolicies.firstBreach(order, exposureAt(now));
        if (breach.isPresent()) {
            apply(new PreTradeRiskRejectedEvent(accountId, command.orderId(), breach.get().code(),
                    breach.get().message(), now));
        } else {
            apply(new PreTradeRiskApprovedEvent(accountId, command.orderId(), command.symbol(), command.side(),
                    command.quantity(), order.notional(), now));
        }
        return breach;
    }

    /**
     * The pre-trade check as a dry run (order entry gathers the firm-wide controls and calls this): every
     * check against the current state, nothing applied. No
     * event means no reservation, no verdict remembered for the order and no entry in the order-rate
     * window, so a preview changes nothing a later real check sees.
     */
    public PreTradeCheckReport preview(PreviewPreTradeRiskCommand command, Instant now) {
        if (command.symbol() == null || command.side() == null || command.quantity() == null) {
            throw new IllegalArgumentException("a preview needs a symbol, a side and a quantity");
        }
        PreTradeOrder order = PreTradeOrder.of(command, now);
        AccountExposure exposure = exposureAt(now);
        List<RiskCheckResult> checks = RiskPolicies.evaluateAll(order, exposure);
        return new PreTradeCheckReport(checks.stream().allMatch(RiskCheckResult::passed), checks,
                order.hasReferencePrice() ? order.notional() : null, exposure.resultingPosition(order),
                exposure.resultingGrossExposure(order));
    }

    @CommandHandler
    public void handle(ApplyFillCommand command, Clock clock) {
        if (appliedFills.contains(fillKey(command.orderId(), command.fillId()))) {
            return; // a re-sent fill: already booked
        }
        validate(command);
        BigDecimal fee = Objects.requireNonNullElse(command.fee(), BigDecimal.ZERO);
        Position.Change change = position(command.symbol()).apply(command.side(), command.price(), command.quantity(),
                fee);
        BigDecimal cashAfter = cash.subtract(Decimals.signed(command.side(), command.price().multiply(command.quantity())))
                .subtract(fee);
        Reservation reservation = reservations.get(command.orderId());
        BigDecimal reservationUsed = reservation == null ? BigDecimal.ZERO : reservation.notional()
                .subtract(reservation.afterFill(command.quantity(), command.price().multiply(command.quantity())).notional());
        apply(new FillAppliedEvent(accountId, command.orderId(), command.fillId(), command.symbol(), command.side(),
                command.price(), command.quantity(), fee, change.after().quantity(), change.after().averagePrice(),
                change.realisedPnl(), Decimals.normalised(cashAfter),
                command.executedAt() != null ? command.executedAt() : clock.instant(),
                Decimals.normalised(reservationUsed)));
    }

    @CommandHandler
    public void handle(ReleaseExposureCommand command, Clock clock) {
        Reservation reservation = reservations.get(command.orderId());
        if (reservation == null) {
            return; // never approved, used up by its fills, or already released
        }
        apply(new ExposureReleasedEvent(accountId, command.orderId(), reservation.notional(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        owner = event.owner();
        entitledPrincipals = event.entitledPrincipals();
        cash = event.initialCash();
        tradingState = TradingState.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountEntitlementGrantedEvent event) {
        Set<String> principals = new java.util.HashSet<>(entitledPrincipals);
        principals.add(event.principal());
        entitledPrincipals = Set.copyOf(principals);
    }

    @EventSourcingHandler
    void on(AccountEntitlementRevokedEvent event) {
        Set<String> principals = new java.util.HashSet<>(entitledPrincipals);
        principals.remove(event.principal());
        entitledPrincipals = Set.copyOf(principals);
    }

    @EventSourcingHandler
    void on(RiskLimitsSetEvent event) {
        limits = event.limits();
    }

    @EventSourcingHandler
    void on(RiskLimitsProposedEvent event) {
        proposals.put(event.proposalId(), new Proposal(event.limits(), event.proposedBy()));
    }

    @EventSourcingHandler
    void on(RiskLimitsApprovedEvent event) {
        proposals.remove(event.proposalId());
    }

    @EventSourcingHandler
    void on(RiskLimitsRejectedEvent event) {
        proposals.remove(event.proposalId());
    }

    @EventSourcingHandler
    void on(TradingStateChangedEvent event) {
        tradingState = event.state();
    }

    @EventSourcingHandler
    void on(PreTradeRiskApprovedEvent event) {
        checkedOrders.add(event.orderId());
        reserve(event.orderId(), new Reservation(event.symbol(), event.side(), event.quantity().abs(),
                event.reservedExposure()));
        recordCheck(event.approvedAt());
    }

    @EventSourcingHandler
    void on(PreTradeRiskRejectedEvent event) {
        checkedOrders.add(event.orderId());
        recordCheck(event.rejectedAt());
    }

    @EventSourcingHandler
    void on(FillAppliedEvent event) {
        appliedFills.add(fillKey(event.orderId(), event.fillId()));
        cash = event.cash();
        if (event.positionQuantity().signum() == 0) {
            positions.remove(event.symbol());
        } else {
            positions.put(event.symbol(), new Position(event.positionQuantity(), event.averagePrice()));
        }
        Reservation reservation = reservations.get(event.orderId());
        if (reservation != null) {
            Reservation rest = reservation.afterFill(event.quantity(), event.price().multiply(event.quantity()));
            reserve(event.orderId(), rest.isUsedUp() ? null : rest);
        }
        LocalDate day = LocalDate.ofInstant(event.executedAt(), ZoneOffset.UTC);
        if (pnlDay == null || day.isAfter(pnlDay)) {
            pnlDay = day;
            realisedPnlOfDay = event.realizedPnl();
        } else if (day.equals(pnlDay)) {
            realisedPnlOfDay = realisedPnlOfDay.add(event.realizedPnl());
        }
        // a late fill of an earlier day does not count towards today's loss
    }

    @EventSourcingHandler
    void on(ExposureReleasedEvent event) {
        reserve(event.orderId(), null);
    }

    /** Sets (or, with null, removes) an order's reservation and keeps the running totals in step. */
    private void reserve(OrderId orderId, Reservation reservation) {
        Reservation previous = reservation == null ? reservations.remove(orderId) : reservations.put(orderId, reservation);
        if (previous != null) {
            reservedNotional = reservedNotional.subtract(previous.notional());
            openQuantities.merge(AccountExposure.openKey(previous.symbol(), previous.side()), previous.quantity().negate(),
                    BigDecimal::add);
        }
        if (reservation != null) {
            reservedNotional = reservedNotional.add(reservation.notional());
            openQuantities.merge(AccountExposure.openKey(reservation.symbol(), reservation.side()), reservation.quantity(),
                    BigDecimal::add);
        }
    }

    private AccountExposure exposureAt(Instant now) {
        Instant windowStart = now.minus(RATE_WINDOW);
        // recentChecks is in time order: count from the newest and stop at the window's start
        int checks = 0;
        for (var newest = recentChecks.descendingIterator(); newest.hasNext() && newest.next().isAfter(windowStart); ) {
            checks++;
        }
        return new AccountExposure(tradingState, limits, Collections.unmodifiableMap(positions),
                reservedNotional, Collections.unmodifiableMap(openQuantities), realisedPnl(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                checks);
    }

    private void recordCheck(Instant at) {
        recentChecks.addLast(at);
        Instant windowStart = at.minus(RATE_WINDOW);
        while (!recentChecks.isEmpty() && !recentChecks.peekFirst().isAfter(windowStart)) {
            recentChecks.removeFirst();
        }
    }

    private static void validate(ApplyFillCommand command) {
        String problem = null;
        if (command.fillId() == null || command.fillId().isBlank()) {
            problem = "a fill needs a fillId";
        } else if (command.symbol() == null || command.side() == null) {
            problem = "a fill needs a symbol and a side";
        } else if (command.price() == null || command.price().signum() <= 0) {
            problem = "fill price must be greater than 0";
        } else if (command.quantity() == null || command.quantity().signum() <= 0) {
            problem = "fill quantity must be greater than 0";
        }
        if (problem != null) {
            throw RiskPolicies.refused(new RiskRejection(RiskErrorCode.RISK_INVALID_FILL, problem));
        }
    }

    private static String fillKey(OrderId orderId, String fillId) {
        return orderId + "/" + fillId;
    }

    /** The restricted list as an immutable set, never null. */
    private static RiskLimits normalised(RiskLimits limits) {
        if (limits == null) {
            return null;
        }
        Set<String> restricted = limits.restrictedSymbols() == null ? Set.of() : Set.copyOf(limits.restrictedSymbols());
        return new RiskLimits(limits.maxOrderNotional(), limits.maxPositionPerInstrument(), limits.maxGrossExposure(),
                limits.maxDailyLoss(), restricted, limits.maxOrdersPerSecond());
    }

    // --- for tests -----------------------------------------------------------------------------------

    BigDecimal cash() {
        return cash;
    }

    Position position(String symbol) {
        return positions.getOrDefault(symbol, Position.FLAT);
    }

    RiskLimits limits() {
        return limits;
    }

    TradingState tradingState() {
        return tradingState;
    }

    /** The notional still reserved for an order; 0 when nothing is. */
    BigDecimal reservedExposure(OrderId orderId) {
        Reservation reservation = reservations.get(orderId);
        return reservation == null ? BigDecimal.ZERO : reservation.notional();
    }

    /** Realised P&L (fees included) of the given UTC day, if it is the newest day with fills; else 0. */
    BigDecimal realisedPnl(LocalDate day) {
        return day.equals(pnlDay) ? realisedPnlOfDay : BigDecimal.ZERO;
    }

    /** The figures the checks enforce now (the same definition as the read side's, {@code AccountFigures}). */
    public org.mltrading.api.account.AccountFigures figures(Instant now) {
        return exposureAt(now).figures();
    }

    /** Pre-trade checks within the second before the clock's now. */
    int checksInLastSecond(Instant now) {
        return exposureAt(now).checksInLastSecond();
    }

    String owner() {
        return owner;
    }

    Set<String> entitledPrincipals() {
        return entitledPrincipals;
    }
}
