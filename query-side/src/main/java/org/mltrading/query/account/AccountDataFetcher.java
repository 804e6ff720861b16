package org.mltrading.query.account;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.account.ChangeTradingStateCommand;
import org.mltrading.api.account.AccountFigures;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.SetRiskLimitsCommand;
import org.mltrading.api.account.ApproveRiskLimitsCommand;
import org.mltrading.api.account.ProposeRiskLimitsCommand;
import org.mltrading.api.account.RejectRiskLimitsCommand;
import org.mltrading.graphql.types.RiskLimitProposal;
import org.mltrading.graphql.types.LimitBreach;
import org.mltrading.graphql.types.RiskUpdate;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.graphql.types.Account;
import org.mltrading.graphql.types.LimitUtilization;
import org.mltrading.graphql.types.Position;
import org.mltrading.graphql.types.SetRiskLimitsInput;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.ReadYourWrites;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.security.ApiPrincipal;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.mltrading.query.stream.DurableStream;
import org.springframework.security.access.prepost.PreAuthorize;

/** GraphQL operations of the account context: accounts with positions and limits, risk-officer controls. */
@DgsComponent
public class AccountDataFetcher {

    private final AccountDirectory directory;
    private final MarketDataHub marketData;
    private final CommandGateway commandGateway;
    private final PositionUpdates updates;
    private final Duration readYourWritesTimeout;
    private final AccountTimeTravel timeTravel;

    private final PositionChangeLog positionChanges;
    private final int subscriberBuffer;

    AccountDataFetcher(AccountDirectory directory, MarketDataHub marketData, CommandGateway commandGateway,
                       PositionUpdates updates,
                       @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout,
                       AccountTimeTravel timeTravel, PositionChangeLog positionChanges,
                       @Value("${platform.streams.subscriber-buffer:4096}") int subscriberBuffer) {
        this.timeTravel = timeTravel;
        this.positionChanges = positionChanges;
        this.subscriberBuffer = subscriberBuffer;
        this.directory = directory;
        this.marketData = marketData;
        this.commandGateway = commandGateway;
        this.updates = updates;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Account> accounts() {
        return directory.visibleTo(ApiPrincipal.current()).stream().map(this::toGraphQl).toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Account account(@InputArgument String id, @InputArgument OffsetDateTime asOf) {
        ApiPrincipal principal = ApiPrincipal.current();
        // entitlements are today's (from the read model); the state as of then comes from the event store
        boolean entitled = directory.find(id).filter(view -> directory.canView(principal, view)).isPresent();
        if (!entitled) {
            return null;
        }
        if (asOf == null) {
            return directory.find(id).map(this::toGraphQl).orElse(null);
        }
        // no marks of the past: positions are valued at their average price (marketValue null)
        return timeTravel.asOf(id, asOf.toInstant())
                .map(view -> toGraphQl(view, asOf.toInstant(), false)).orElse(null);
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account setRiskLimits(@InputArgument SetRiskLimitsInput input) {
        AccountView account = existing(input.getAccountId());
        RiskLimits limits = new RiskLimits(input.getMaxOrderNotional(), input.getMaxPositionPerInstrument(),
                input.getMaxGrossExposure(), input.getMaxDailyLoss(),
                input.getRestrictedSymbols() == null ? Set.of() : Set.copyOf(input.getRestrictedSymbols()),
                input.getMaxOrdersPerSecond());
        return sendAndAwait(account, new SetRiskLimitsCommand(new AccountId(account.id()), limits));
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account proposeRiskLimits(@InputArgument SetRiskLimitsInput input, @InputArgument String reason) {
        AccountView account = existing(input.getAccountId());
        RiskLimits limits = new RiskLimits(input.getMaxOrderNotional(), input.getMaxPositionPerInstrument(),
                input.getMaxGrossExposure(), input.getMaxDailyLoss(),
                input.getRestrictedSymbols() == null ? Set.of() : Set.copyOf(input.getRestrictedSymbols()),
                input.getMaxOrdersPerSecond());
        String proposalId = java.util.UUID.randomUUID().toString();
        return sendAndAwait(account, new ProposeRiskLimitsCommand(new AccountId(account.id()), proposalId, limits,
                ApiPrincipal.current().subject(), required(reason, "a proposal")), view -> hasProposal(view, proposalId));
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account approveRiskLimits(@InputArgument String accountId, @InputArgument String proposalId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        // two events, the approval and then the limits it sets: done when the limits are the proposal's
        AccountView.LimitProposalView proposal = account.limitProposals() == null ? null : account.limitProposals().get(proposalId);
        return sendAndAwait(account, new ApproveRiskLimitsCommand(new AccountId(account.id()), proposalId,
                ApiPrincipal.current().subject(), reason),
                view -> !hasProposal(view, proposalId) && (proposal == null || proposal.limits().equals(view.limits())));
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account rejectRiskLimits(@InputArgument String accountId, @InputArgument String proposalId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        return sendAndAwait(account, new RejectRiskLimitsCommand(new AccountId(account.id()), proposalId,
                ApiPrincipal.current().subject(), required(reason, "a rejection")), view -> !hasProposal(view, proposalId));
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account setReduceOnly(@InputArgument String accountId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        String why = required(reason, "reduce-only");
        if (account.tradingState() == TradingState.REDUCE_ONLY) {
            return toGraphQl(account);
        }
        return sendAndAwait(account, new ChangeTradingStateCommand(new AccountId(account.id()), TradingState.REDUCE_ONLY, why),
                view -> view.tradingState() == TradingState.REDUCE_ONLY);
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account clearReduceOnly(@InputArgument String accountId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        if (account.tradingState() != TradingState.REDUCE_ONLY) {
            throw new ApiException("ACCOUNT_NOT_REDUCE_ONLY", "account " + accountId + " is " + account.tradingState()
                    + ", not reduce-only" + (account.tradingState() == TradingState.HALTED ? ": resume it with resumeTrading" : ""));
        }
        String why = "reduce-only lifted by " + ApiPrincipal.current().subject()
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        return sendAndAwait(account, new ChangeTradingStateCommand(new AccountId(account.id()), TradingState.ACTIVE, why),
                view -> view.tradingState() == TradingState.ACTIVE);
    }

    private static String required(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, what + " needs a reason");
        }
        return reason.trim();
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account haltTrading(@InputArgument String accountId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "a halt needs a reason");
        }
        if (account.tradingState() == TradingState.HALTED) {
            return toGraphQl(account);
        }
        return sendAndAwait(account, new ChangeTradingStateCommand(new AccountId(account.id()), TradingState.HALTED, reason),
                view -> view.tradingState() == TradingState.HALTED);
    }

    @DgsMutation
    @PreAuthorize("hasRole('RISK_OFFICER')")
    Account resumeTrading(@InputArgument String accountId, @InputArgument String reason) {
        AccountView account = existing(accountId);
        if (account.tradingState() == TradingState.ACTIVE) {
            return toGraphQl(account);
        }
        // the reason is optional for API clients (older ones send none); the risk page always asks for one
        String why = "resumed by " + ApiPrincipal.current().subject()
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        return sendAndAwait(account, new ChangeTradingStateCommand(new AccountId(account.id()), TradingState.ACTIVE, why),
                view -> view.tradingState() == TradingState.ACTIVE);
    }

    @DgsSubscription
    @PreAuthorize("isAuthenticated()")
    Publisher<Position> positionUpdated(@InputArgument String accountId, @InputArgument String after) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = directory.find(accountId).filter(view -> directory.canView(principal, view))
                .orElseThrow(() -> new ApiException(ApiErrorCode.PERMISSION_DENIED, "no access to account " + accountId));
        long from = DurableStream.validate(positionChanges.log(), after);
        return DurableStream.of(updates.positionsByAccount(), positionChanges.log(), java.util.Set.of(account.id()),
                        change -> change.position().cursor(), from, subscriberBuffer)
                .map(change -> toGraphQl(change.accountId(), change.position()));
    }

    @DgsSubscription
    @PreAuthorize("isAuthenticated()")
    Publisher<RiskUpdate> riskUpdated(@InputArgument String accountId) {
        ApiPrincipal principal = ApiPrincipal.current();
        if (accountId == null) {
            if (!principal.hasAnyRole("RISK_OFFICER", "COMPLIANCE", "ADMIN")) {
                throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "every account's risk is for risk officers,"
                        + " compliance and admins; name an account you may view");
            }
        } else if (directory.find(accountId).filter(view -> directory.canView(principal, view)).isEmpty()) {
            throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "no access to account " + accountId);
        }
        return updates.accounts()
                .filter(view -> accountId == null ? directory.canView(principal, view) : view.id().equals(accountId))
                .onBackpressureLatest()
                .map(view -> {
                    Account account = toGraphQl(view);
                    return RiskUpdate.newBuilder().account(account).breaches(breaches(account.getUtilization())).build();
                });
    }

    /** The limits used at 100 % or more. */
    static List<LimitBreach> breaches(LimitUtilization utilization) {
        List<LimitBreach> breaches = new java.util.ArrayList<>();
        breach(breaches, "grossExposure", utilization.getGrossExposureFraction());
        breach(breaches, "dailyLoss", utilization.getDailyLossFraction());
        breach(breaches, "largestPosition", utilization.getLargestPositionFraction());
        return breaches;
    }

    private static void breach(List<LimitBreach> breaches, String limit, BigDecimal fraction) {
        if (fraction != null && fraction.compareTo(BigDecimal.ONE) >= 0) {
            breaches.add(LimitBreach.newBuilder().limit(limit).fraction(fraction.doubleValue()).build());
        }
    }

    private AccountView existing(String accountId) {
        return directory.find(accountId).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no account " + accountId));
    }

    public Account sendAndAwait(AccountView account, Object command) {
        return sendAndAwait(account, command, view -> true);
    }

    /**
     * Sends the command and answers the account once its read model shows {@code done}: a later version is
     * not enough when other events of the account (an order's check) are projected in between.
     */
    private Account sendAndAwait(AccountView account, Object command, java.util.function.Predicate<AccountView> done) {
        return toGraphQl(ReadYourWrites.sendAndAwait(commandGateway, command,
                updates.accounts().filter(view -> view.id().equals(account.id())
                        && view.lastSequence() > account.lastSequence() && done.test(view)),
                readYourWritesTimeout, () -> directory.find(account.id()), "account"));
    }

    private static boolean hasProposal(AccountView view, String proposalId) {
        return view.limitProposals() != null && view.limitProposals().containsKey(proposalId);
    }

    public Account toGraphQl(AccountView view) {
        return toGraphQl(view, java.time.Instant.now(), true);
    }

    /** @param liveMarks value positions at the latest quotes; false values them at their average price */
    private Account toGraphQl(AccountView view, java.time.Instant at, boolean liveMarks) {
        BigDecimal cash = orZero(view.cash());
        BigDecimal marketValue = BigDecimal.ZERO;
        List<Position> positions = new java.util.ArrayList<>();
        Map<String, AccountView.PositionView> held = view.positions() == null ? Map.of() : view.positions();
        for (AccountView.PositionView position : held.values().stream()
                .sorted(Comparator.comparing(AccountView.PositionView::symbol)).toList()) {
            Position mapped = liveMarks ? toGraphQl(view.id(), position) : unmarked(view.id(), position);
            positions.add(mapped);
            marketValue = marketValue.add(mapped.getMarketValue() != null ? mapped.getMarketValue()
                    : position.quantity().multiply(position.averagePrice()));
        }
        AccountFigures figures = figures(view, at);
        BigDecimal gross = figures.grossExposure();
        BigDecimal reserved = figures.reservedExposure();
        BigDecimal dailyLoss = figures.dailyLoss();
        BigDecimal largestPosition = figures.largestPosition();
        RiskLimits limits = view.limits();
        return Account.newBuilder()
                .id(view.id()).name(view.name()).owner(view.owner()).currency(view.currency())
                .cash(cash).equity(cash.add(marketValue))
                .tradingState(org.mltrading.graphql.types.TradingState.valueOf(
                        (view.tradingState() == null ? TradingState.ACTIVE : view.tradingState()).name()))
                .tradingStateReason(view.tradingStateReason())
                .positions(positions)
                .limits(limits == null ? null : toGraphQl(limits))
                .pendingRiskLimits(view.limitProposals() == null ? List.of() : view.limitProposals().values().stream()
                        .sorted(Comparator.comparing(AccountView.LimitProposalView::proposedAt))
                        .map(proposal -> RiskLimitProposal.newBuilder().id(proposal.proposalId())
                                .limits(toGraphQl(proposal.limits())).proposedBy(proposal.proposedBy())
                                .reason(proposal.reason()).proposedAt(proposal.proposedAt().atOffset(ZoneOffset.UTC))
                                .build()).toList())
                .utilization(LimitUtilization.newBuilder()
                        .grossExposure(gross).reservedExposure(reserved)
                        .grossExposureFraction(fraction(gross, limits == null ? null : limits.maxGrossExposure()))
                        .dailyLoss(dailyLoss)
                        .dailyLossFraction(fraction(dailyLoss, limits == null ? null : limits.maxDailyLoss()))
                        .largestPositionFraction(fraction(largestPosition,
                                limits == null ? null : limits.maxPositionPerInstrument()))
                        .build())
                .build();
    }

    private static org.mltrading.graphql.types.RiskLimits toGraphQl(RiskLimits limits) {
        return org.mltrading.graphql.types.RiskLimits.newBuilder()
                .maxOrderNotional(limits.maxOrderNotional())
                .maxPositionPerInstrument(limits.maxPositionPerInstrument())
                .maxGrossExposure(limits.maxGrossExposure()).maxDailyLoss(limits.maxDailyLoss())
                .restrictedSymbols(limits.restrictedSymbols() == null ? List.of()
                        : limits.restrictedSymbols().stream().sorted().toList())
                .maxOrdersPerSecond(limits.maxOrdersPerSecond()).build();
    }

    private Position toGraphQl(String accountId, AccountView.PositionView position) {
        BigDecimal mark = marketData.latestQuote(position.symbol()).map(AccountDataFetcher::mark).orElse(null);
        BigDecimal marketValue = mark == null ? null : position.quantity().multiply(mark);
        BigDecimal unrealized = mark == null ? null : mark.subtract(position.averagePrice()).multiply(position.quantity());
        return Position.newBuilder().accountId(accountId).symbol(position.symbol()).quantity(position.quantity())
                .cursor(PositionChangeLog.CURSORS.format(position.cursor()))
                .averagePrice(position.averagePrice()).marketValue(marketValue).unrealizedPnl(unrealized)
                .realizedPnl(orZero(position.realizedPnl())).build();
    }

    /** Mid of the touch when both sides exist, else the last trade. */
    private static BigDecimal mark(Quote quote) {
        if (quote.bid() != null && quote.ask() != null) {
            return quote.bid().add(quote.ask()).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64).stripTrailingZeros();
        }
        return quote.last();
    }

    private static boolean isDayOf(AccountView view, java.time.Instant at) {
        return view.realizedPnlDay() != null && view.realizedPnlDay()
                .equals(at.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Position unmarked(String accountId, AccountView.PositionView position) {
        return Position.newBuilder().accountId(accountId).symbol(position.symbol()).quantity(position.quantity())
                .cursor(PositionChangeLog.CURSORS.format(position.cursor()))
                .averagePrice(position.averagePrice()).realizedPnl(orZero(position.realizedPnl())).build();
    }

    private static BigDecimal fraction(BigDecimal used, BigDecimal limit) {
        return AccountFigures.fraction(used, limit);
    }

    /**
     * Exposure, reservations, daily loss and the largest position as the pre-trade check computes them
     * (positions at their average price, the UTC day's realised P&L): one definition, {@link AccountFigures}.
     * Equity and the positions' market values are marked to the latest quotes; the limits are not.
     */
    static AccountFigures figures(AccountView view, java.time.Instant at) {
        Map<String, AccountView.PositionView> held = view.positions() == null ? Map.of() : view.positions();
        BigDecimal reserved = view.reservedNotional() == null ? BigDecimal.ZERO : view.reservedNotional();
        return AccountFigures.of(held.values().stream()
                        .map(position -> new AccountFigures.Holding(position.quantity(), position.averagePrice())).toList(),
                reserved, isDayOf(view, at) ? view.realizedPnlToday() : BigDecimal.ZERO);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
