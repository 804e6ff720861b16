package org.mltrading.query.strategy;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.model.FindModelVersionQuery;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.strategy.StartStrategyCommand;
import org.mltrading.api.strategy.StopStrategyCommand;
import org.mltrading.api.strategy.StrategyErrorCode;
import org.mltrading.api.strategy.StrategyParameters;
import org.mltrading.api.strategy.StrategyRejection;
import org.mltrading.graphql.types.StartStrategyInput;
import org.mltrading.graphql.types.Strategy;
import org.mltrading.graphql.types.StrategyStatus;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * GraphQL operations of paper strategies (docs/adr/0017-paper-strategy.md). Starting one needs the
 * right to trade the account — the same entitlement as placeOrder, since the strategy's orders are the
 * account's orders. Stopping one is also open to RISK_OFFICER and ADMIN, who must be able to pull an
 * algorithm without trading rights.
 */
@DgsComponent
class StrategyDataFetcher {

    private static final Duration MODEL_QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final StrategyDirectory strategies;
    private final AccountDirectory accounts;
    private final InstrumentCatalog instruments;
    private final Duration readYourWritesTimeout;

    StrategyDataFetcher(CommandGateway commandGateway, QueryGateway queryGateway, StrategyDirectory strategies,
                        AccountDirectory accounts, InstrumentCatalog instruments,
                        @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.strategies = strategies;
        this.accounts = accounts;
        this.instruments = instruments;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Strategy> strategies(@InputArgument String accountId) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = accounts.find(accountId).orElseThrow(() -> notPermitted(accountId));
        if (!accounts.canView(principal, account)) {
            throw notPermitted(accountId);
        }
        return strategies.ofAccount(accountId).stream().map(StrategyDataFetcher::toGraphQl).toList();
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    Strategy startStrategy(@InputArgument StartStrategyInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = accounts.find(input.getAccountId()).orElseThrow(() -> notPermitted(input.getAccountId()));
        if (!accounts.canTrade(principal, account)) {
            throw notPermitted(input.getAccountId());
        }
        String symbol = input.getSymbol() == null ? "" : input.getSymbol().trim().toUpperCase(Locale.ROOT);
        Instrument instrument = instruments.find(symbol).orElseThrow(() -> new ApiException(
                StrategyErrorCode.STRATEGY_UNKNOWN_SYMBOL.name(), "unknown symbol: " + input.getSymbol()));
        requireLots("orderQuantity", input.getOrderQuantity(), instrument);
        requireLots("maxPosition", input.getMaxPosition(), instrument);
        ModelVersionSpec model = productionVersion(input.getModel());

        StrategyId id = StrategyId.random();
        StrategyParameters parameters = new StrategyParameters(input.getOrderQuantity(), input.getMaxPosition(),
                input.getEntryThreshold() == null ? 0.0 : input.getEntryThreshold(),
                Boolean.TRUE.equals(input.getLongOnly()));
        send(new StartStrategyCommand(id, new AccountId(account.id()), model.modelId(), model.name(), model.version(),
                symbol, parameters, blankToNull(input.getReason())), principal);
        return toGraphQl(await(id.value(), view -> true));
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR','RISK_OFFICER','ADMIN')")
    Strategy stopStrategy(@InputArgument String id, @InputArgument String reason) {
        ApiPrincipal principal = ApiPrincipal.current();
        StrategyView strategy = strategies.find(id).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND,
                "no strategy " + id));
        boolean deskWide = principal.hasAnyRole("RISK_OFFICER", "ADMIN");
        var account = accounts.findForAccess(strategy.accountId());
        if (!deskWide && !account.map(a -> accounts.canView(principal, a)).orElse(false)) {
            // a strategy of an account the caller cannot see answers like an unknown id (issue 14, finding 8)
            throw new ApiException(ApiErrorCode.NOT_FOUND, "no strategy " + id);
        }
        boolean trader = account.map(a -> accounts.canTrade(principal, a)).orElse(false);
        if (!deskWide && !trader) {
            throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "no right to stop strategy " + id);
        }
        if (!strategy.active()) {
            return toGraphQl(strategy); // stopped already
        }
        String why = blankToNull(reason) != null ? reason.trim() : "stopped by " + principal.subject();
        send(new StopStrategyCommand(new StrategyId(id), why), principal);
        return toGraphQl(await(id, view -> !view.active()));
    }

    /** The model's PRODUCTION version, asked of the model registry like the ML bridge does. */
    private ModelVersionSpec productionVersion(String model) {
        if (model == null || model.isBlank()) {
            throw new ApiException(StrategyErrorCode.STRATEGY_INVALID_INPUT.name(), "a model name or id is required");
        }
        Optional<ModelVersionSpec> spec;
        try {
            // without a version the registry answers the PRODUCTION version, else the newest one
            spec = queryGateway.query(new FindModelVersionQuery(model.trim(), null),
                    ResponseTypes.optionalInstanceOf(ModelVersionSpec.class))
                    .get(MODEL_QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "interrupted while reading the model registry");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the model registry did not answer");
        }
        ModelVersionSpec version = spec.orElseThrow(() -> new ApiException(
                StrategyErrorCode.STRATEGY_MODEL_UNKNOWN.name(), "no model " + model));
        if (version.status() != ModelStatus.PRODUCTION) {
            throw new ApiException(StrategyErrorCode.STRATEGY_MODEL_NOT_IN_PRODUCTION.name(),
                    "model " + version.name() + " has no version in PRODUCTION (newest: " + version.version() + ", "
                            + version.status() + ")");
        }
        return version;
    }

    private static void requireLots(String field, BigDecimal quantity, Instrument instrument) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new ApiException(StrategyErrorCode.STRATEGY_INVALID_INPUT.name(), field + " must be greater than 0");
        }
        if (quantity.remainder(instrument.lotSize()).signum() != 0) {
            throw new ApiException(StrategyErrorCode.STRATEGY_INVALID_INPUT.name(),
                    field + " must be a multiple of the lot size " + instrument.lotSize().toPlainString());
        }
    }

    private void send(Object command, ApiPrincipal principal) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(CommandMetadata.of(principal)));
        } catch (CommandExecutionException e) {
            if (e.getDetails().orElse(null) instanceof StrategyRejection rejection) {
                throw new ApiException(rejection.code().name(), rejection.message());
            }
            throw e;
        }
    }

    /**
     * Read-your-writes: the projection is polled until it shows the change (a handful of reads of one
     * document by id, only on these rare mutations).
     */
    private StrategyView await(String id, Predicate<StrategyView> changed) {
        long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
        while (true) {
            Optional<StrategyView> view = strategies.find(id);
            if (view.isPresent() && changed.test(view.get())) {
                return view.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(ApiErrorCode.UNAVAILABLE,
                        "strategy " + id + " was changed but is not readable yet; query strategies again shortly");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiErrorCode.UNAVAILABLE, "interrupted while waiting for the strategy");
            }
        }
    }

    static Strategy toGraphQl(StrategyView view) {
        return Strategy.newBuilder()
                .id(view.id)
                .accountId(view.accountId)
                .model(view.modelName)
                .modelId(view.modelId)
                .modelVersion(view.modelVersion)
                .symbol(view.symbol)
                .orderQuantity(view.orderQuantity)
                .maxPosition(view.maxPosition)
                .entryThreshold(view.entryThreshold)
                .longOnly(view.longOnly)
                .status(view.active ? StrategyStatus.ACTIVE : StrategyStatus.STOPPED)
                .reason(view.reason)
                .startedBy(view.startedBy == null ? "" : view.startedBy)
                .startedAt(OffsetDateTime.ofInstant(view.startedAt, ZoneOffset.UTC))
                .stoppedBy(view.stoppedBy)
                .stoppedAt(view.stoppedAt == null ? null : OffsetDateTime.ofInstant(view.stoppedAt, ZoneOffset.UTC))
                .stopReason(view.stopReason)
                .position(view.position)
                .openQuantity(view.openQuantity())
                .ordersDecided(view.ordersDecided)
                .build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Unknown and forbidden accounts look the same, so ids cannot be probed. */
    private static ApiException notPermitted(String accountId) {
        return new ApiException(ApiErrorCode.PERMISSION_DENIED, "no access to account " + accountId);
    }
}
