package org.mltrading.command.strategy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.Decimals;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.api.strategy.ActOnPredictionCommand;
import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.strategy.RecordStrategyFillCommand;
import org.mltrading.api.strategy.RecordStrategyOrderEndedCommand;
import org.mltrading.api.strategy.StartStrategyCommand;
import org.mltrading.api.strategy.StopStrategyCommand;
import org.mltrading.api.strategy.StrategyErrorCode;
import org.mltrading.api.strategy.StrategyFillRecordedEvent;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.StrategyOrderDecidedEvent;
import org.mltrading.api.strategy.StrategyOrderEndedEvent;
import org.mltrading.api.strategy.StrategyParameters;
import org.mltrading.api.strategy.StrategyRejection;
import org.mltrading.api.strategy.StrategyStartedEvent;
import org.mltrading.api.strategy.StrategyStoppedEvent;
import org.mltrading.command.CommandSideConfiguration;

/**
 * A paper strategy: one PRODUCTION model version trading one symbol for one account
 * (docs/adr/0017-paper-strategy.md). Its stream records who started and stopped it and every order it
 * decided with the prediction behind it; its state is the strategy's own book — the position its fills
 * built and the units its open orders may still add — so it never orders the same units twice.
 *
 * <p>The decided order is placed by {@link StrategyOrderSaga} with the ordinary {@code PlaceOrderCommand}:
 * the Order aggregate, the account's pre-trade risk and the venue treat it like any other order.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class StrategyAggregate {

    @AggregateIdentifier
    private StrategyId strategyId;
    private AccountId accountId;
    private ModelId modelId;
    private String modelName;
    private int modelVersion;
    private String symbol;
    private StrategyParameters parameters;
    private boolean active;
    private Instant startedAt;
    /** Bar of the newest prediction an order was decided on; older or equal bars are not traded again. */
    private Instant lastDecidedBar;
    private BigDecimal position = BigDecimal.ZERO;
    /** Signed units each open order may still add. */
    private final Map<OrderId, BigDecimal> openOrders = new HashMap<>();
    private final Set<String> fillIds = new HashSet<>();

    protected StrategyAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    public StrategyAggregate(StartStrategyCommand command, Clock clock) {
        StrategyRules.firstViolation(command.parameters()).ifPresent(rejection -> {
            throw refused(rejection);
        });
        if (command.symbol() == null || command.symbol().isBlank() || command.modelVersion() < 1) {
            throw refused(new StrategyRejection(StrategyErrorCode.STRATEGY_INVALID_INPUT,
                    "a symbol and a model version are required"));
        }
        apply(new StrategyStartedEvent(command.strategyId(), command.accountId(), command.modelId(),
                command.modelName(), command.modelVersion(), command.symbol(), command.parameters(),
                command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(StopStrategyCommand command, Clock clock) {
        if (!active) {
            return; // stopped already (e.g. by request and by the model's retirement)
        }
        apply(new StrategyStoppedEvent(strategyId, accountId, command.reason(), clock.instant()));
    }

    /**
     * Decides at most one order per prediction. Silently ignores what must not trade but is no error:
     * a stopped strategy, a prediction made before the start, one of a bar already decided on, or one
     * too old to trade ({@link StrategyRules#maxPredictionAge}).
     */
    @CommandHandler
    void handle(ActOnPredictionCommand command, Clock clock) {
        Prediction prediction = command.prediction();
        if (!prediction.modelId().equals(modelId) || prediction.version() != modelVersion
                || !prediction.symbol().equals(symbol)) {
            throw refused(new StrategyRejection(StrategyErrorCode.STRATEGY_PREDICTION_MISMATCH,
                    "strategy " + strategyId + " trades " + symbol + " on " + modelName + "@" + modelVersion
                            + ", not " + prediction.symbol() + " on " + prediction.modelVersion()));
        }
        Instant now = clock.instant();
        if (!active || command.madeAt().isBefore(startedAt)
                || lastDecidedBar != null && !prediction.barTime().isAfter(lastDecidedBar)
                || command.madeAt().plus(StrategyRules.maxPredictionAge(prediction.interval())).isBefore(now)) {
            return;
        }
        BigDecimal open = openQuantity();
        Optional<StrategyRules.Decision> decision = StrategyRules.decide(parameters, position, open, prediction.value());
        if (decision.isEmpty()) {
            return;
        }
        String clientOrderId = StrategyRules.clientOrderId(strategyId, prediction.predictionId());
        OrderTerms terms = new OrderTerms(symbol, decision.get().side(), OrderType.MARKET, decision.get().quantity(),
                null, null, TimeInForce.IOC, null);
        OrderProvenance provenance = new OrderProvenance(strategyId, modelName, modelVersion,
                prediction.predictionId(), command.madeAt(), prediction.barTime(), prediction.value(),
                prediction.lower95(), prediction.upper95(), command.features() == null ? Map.of() : Map.copyOf(command.features()));
        apply(new StrategyOrderDecidedEvent(strategyId, accountId, OrderId.forClientOrder(accountId, clientOrderId),
                clientOrderId, terms, decision.get().target(), position, open, provenance, now));
    }

    @CommandHandler
    void handle(RecordStrategyFillCommand command) {
        if (command.fillId() == null || fillIds.contains(command.fillId())) {
            return; // re-sent fill: booked already
        }
        BigDecimal signed = command.side() == Side.BUY ? command.quantity() : command.quantity().negate();
        apply(new StrategyFillRecordedEvent(strategyId, command.orderId(), command.fillId(), Decimals.normalised(signed),
                Decimals.normalised(position.add(signed))));
    }

    @CommandHandler
    void handle(RecordStrategyOrderEndedCommand command) {
        if (!openOrders.containsKey(command.orderId())) {
            return; // ended already, or filled completely
        }
        apply(new StrategyOrderEndedEvent(strategyId, command.orderId(), command.unfilledQuantity(), command.outcome()));
    }

    @EventSourcingHandler
    void on(StrategyStartedEvent event) {
        strategyId = event.strategyId();
        accountId = event.accountId();
        modelId = event.modelId();
        modelName = event.modelName();
        modelVersion = event.modelVersion();
        symbol = event.symbol();
        parameters = event.parameters();
        startedAt = event.startedAt();
        active = true;
    }

    @EventSourcingHandler
    void on(StrategyStoppedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(StrategyOrderDecidedEvent event) {
        lastDecidedBar = event.provenance().barTime();
        BigDecimal quantity = event.terms().quantity();
        openOrders.put(event.orderId(), event.terms().side() == Side.BUY ? quantity : quantity.negate());
    }

    @EventSourcingHandler
    void on(StrategyFillRecordedEvent event) {
        fillIds.add(event.fillId());
        position = event.position();
        // a fill that arrives after its order's end (the saga's commands race) only moves the position
        openOrders.computeIfPresent(event.orderId(), (id, left) -> {
            BigDecimal remaining = left.subtract(event.signedQuantity());
            return remaining.signum() == 0 || remaining.signum() != left.signum() ? null : remaining;
        });
    }

    @EventSourcingHandler
    void on(StrategyOrderEndedEvent event) {
        openOrders.remove(event.orderId());
    }

    private BigDecimal openQuantity() {
        return openOrders.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static CommandExecutionException refused(StrategyRejection rejection) {
        return new CommandExecutionException(rejection.message(), null, rejection);
    }
}
