package org.mltrading.command.strategy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.BarInterval;
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

class StrategyAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final Instant STARTED = NOW.minusSeconds(600);
    private static final StrategyId ID = new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final ModelId MODEL = ModelId.forName("momentum");
    private static final StrategyParameters PARAMETERS =
            new StrategyParameters(new BigDecimal("5"), new BigDecimal("10"), 0.0005, false);
    private static final Map<String, Double> FEATURES = Map.of("mom_20_vs", 1.25, "vol_20", 0.0021);

    private AggregateTestFixture<StrategyAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StrategyAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static StrategyStartedEvent started() {
        return new StrategyStartedEvent(ID, ACCOUNT, MODEL, "momentum", 1, "AAPL", PARAMETERS, "paper test", STARTED);
    }

    private static Prediction prediction(String id, Instant barTime, double value) {
        return new Prediction(id, "AAPL", BarInterval.ONE_MINUTE, MODEL, "momentum", 1, barTime, value,
                value - 0.001, value + 0.001, value - 0.002, value + 0.002);
    }

    private static ActOnPredictionCommand act(Prediction prediction, Instant madeAt) {
        return new ActOnPredictionCommand(ID, prediction, FEATURES, madeAt);
    }

    /** The order the strategy decides on {@code prediction} with the given state. */
    private static StrategyOrderDecidedEvent decided(Prediction prediction, Instant madeAt, Side side, String quantity,
                                                     String target, String position, String open) {
        String clientOrderId = StrategyRules.clientOrderId(ID, prediction.predictionId());
        return new StrategyOrderDecidedEvent(ID, ACCOUNT, OrderId.forClientOrder(ACCOUNT, clientOrderId), clientOrderId,
                new OrderTerms("AAPL", side, OrderType.MARKET, new BigDecimal(quantity), null, null, TimeInForce.IOC, null),
                new BigDecimal(target), new BigDecimal(position), new BigDecimal(open),
                new OrderProvenance(ID, "momentum", 1, prediction.predictionId(), madeAt, prediction.barTime(),
                        prediction.value(), prediction.lower95(), prediction.upper95(), FEATURES),
                NOW);
    }

    @Test
    void starting_a_strategy_records_its_model_version_symbol_parameters_and_reason() {
        fixture.givenNoPriorActivity()
                .when(new StartStrategyCommand(ID, ACCOUNT, MODEL, "momentum", 1, "AAPL", PARAMETERS, "paper test"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StrategyStartedEvent(ID, ACCOUNT, MODEL, "momentum", 1, "AAPL", PARAMETERS,
                        "paper test", NOW));
    }

    @Test
    void a_cap_below_the_order_size_is_refused_without_an_event() {
        fixture.givenNoPriorActivity()
                .when(new StartStrategyCommand(ID, ACCOUNT, MODEL, "momentum", 1, "AAPL",
                        new StrategyParameters(BigDecimal.TEN, BigDecimal.ONE, 0.0, false), null))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new StrategyRejection(StrategyErrorCode.STRATEGY_INVALID_INPUT,
                        "maxPosition must be at least orderQuantity"));
    }

    @Test
    void a_forecast_above_the_threshold_decides_a_market_order_carrying_the_prediction_and_its_features() {
        Prediction p = prediction("p-1", NOW.minusSeconds(60), 0.0012);
        fixture.given(started())
                .when(act(p, NOW.minusSeconds(1)))
                .expectEvents(decided(p, NOW.minusSeconds(1), Side.BUY, "5", "10", "0", "0"));
    }

    @Test
    void the_same_prediction_offered_twice_decides_one_order() {
        Prediction p = prediction("p-1", NOW.minusSeconds(60), 0.0012);
        fixture.given(started(), decided(p, NOW.minusSeconds(1), Side.BUY, "5", "10", "0", "0"))
                .when(act(p, NOW.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_open_order_counts_so_the_next_prediction_only_orders_the_rest_of_the_way() {
        Prediction first = prediction("p-1", NOW.minusSeconds(120), 0.0012);
        Prediction next = prediction("p-2", NOW.minusSeconds(60), 0.0015);
        fixture.given(started(), decided(first, NOW.minusSeconds(61), Side.BUY, "5", "10", "0", "0"))
                .when(act(next, NOW.minusSeconds(1)))
                .expectEvents(decided(next, NOW.minusSeconds(1), Side.BUY, "5", "10", "0", "5"));
    }

    @Test
    void fills_build_the_position_and_a_rejected_order_frees_its_open_quantity() {
        Prediction first = prediction("p-1", NOW.minusSeconds(180), 0.0012);
        StrategyOrderDecidedEvent firstOrder = decided(first, NOW.minusSeconds(121), Side.BUY, "5", "10", "0", "0");
        Prediction second = prediction("p-2", NOW.minusSeconds(120), 0.0012);
        StrategyOrderDecidedEvent secondOrder = decided(second, NOW.minusSeconds(61), Side.BUY, "5", "10", "0", "5");
        Prediction third = prediction("p-3", NOW.minusSeconds(60), 0.0012);
        // first order filled 3 of 5 then its remainder ended; the second was rejected by risk
        fixture.given(started(), firstOrder, secondOrder,
                        new StrategyFillRecordedEvent(ID, firstOrder.orderId(), "f-1", new BigDecimal("3"), new BigDecimal("3")),
                        new StrategyOrderEndedEvent(ID, firstOrder.orderId(), new BigDecimal("2"), "CANCELLED IOC_REMAINDER"),
                        new StrategyOrderEndedEvent(ID, secondOrder.orderId(), new BigDecimal("5"), "REJECTED RISK_MAX_POSITION"))
                .when(act(third, NOW.minusSeconds(1)))
                .expectEvents(decided(third, NOW.minusSeconds(1), Side.BUY, "5", "10", "3", "0"));
    }

    @Test
    void a_fill_moves_the_position_once_however_often_it_is_reported() {
        Prediction p = prediction("p-1", NOW.minusSeconds(60), -0.0012);
        StrategyOrderDecidedEvent order = decided(p, NOW.minusSeconds(1), Side.SELL, "5", "-10", "0", "0");
        fixture.given(started(), order,
                        new StrategyFillRecordedEvent(ID, order.orderId(), "f-1", new BigDecimal("-2"), new BigDecimal("-2")))
                .when(new RecordStrategyFillCommand(ID, order.orderId(), "f-1", Side.SELL, new BigDecimal("2")))
                .expectNoEvents();
        fixture.given(started(), order)
                .when(new RecordStrategyFillCommand(ID, order.orderId(), "f-1", Side.SELL, new BigDecimal("2")))
                .expectEvents(new StrategyFillRecordedEvent(ID, order.orderId(), "f-1", new BigDecimal("-2"),
                        new BigDecimal("-2")));
    }

    @Test
    void an_order_end_is_recorded_once() {
        Prediction p = prediction("p-1", NOW.minusSeconds(60), 0.0012);
        StrategyOrderDecidedEvent order = decided(p, NOW.minusSeconds(1), Side.BUY, "5", "10", "0", "0");
        RecordStrategyOrderEndedCommand ended = new RecordStrategyOrderEndedCommand(ID, order.orderId(),
                new BigDecimal("5"), "REJECTED RISK_MAX_POSITION");
        fixture.given(started(), order)
                .when(ended)
                .expectEvents(new StrategyOrderEndedEvent(ID, order.orderId(), new BigDecimal("5"), "REJECTED RISK_MAX_POSITION"));
        fixture.given(started(), order, new StrategyOrderEndedEvent(ID, order.orderId(), new BigDecimal("5"), "REJECTED"))
                .when(ended)
                .expectNoEvents();
    }

    @Test
    void a_stopped_strategy_ignores_predictions_and_a_second_stop() {
        Prediction p = prediction("p-1", NOW.minusSeconds(60), 0.0012);
        StrategyStoppedEvent stopped = new StrategyStoppedEvent(ID, ACCOUNT, "enough", NOW.minusSeconds(5));
        fixture.given(started(), stopped)
                .when(act(p, NOW.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(), stopped)
                .when(new StopStrategyCommand(ID, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void stopping_records_the_reason_and_the_time() {
        fixture.given(started())
                .when(new StopStrategyCommand(ID, StopStrategyCommand.modelRetired(1, "drift")))
                .expectEvents(new StrategyStoppedEvent(ID, ACCOUNT, "MODEL_RETIRED: version 1 left production (drift)", NOW));
    }

    @Test
    void predictions_from_before_the_start_older_than_a_decided_bar_or_stale_are_not_traded() {
        Prediction beforeStart = prediction("p-0", STARTED.minusSeconds(120), 0.0012);
        fixture.given(started())
                .when(act(beforeStart, STARTED.minusSeconds(60)))
                .expectNoEvents();

        Prediction stale = prediction("p-old", NOW.minusSeconds(240), 0.0012);
        fixture.given(started())
                .when(act(stale, NOW.minusSeconds(180))) // ONE_MINUTE bars: older than two bars
                .expectNoEvents();

        Prediction decidedBar = prediction("p-1", NOW.minusSeconds(60), 0.0012);
        Prediction sameBarAgain = prediction("p-1b", NOW.minusSeconds(60), 0.0020);
        fixture.given(started(), decided(decidedBar, NOW.minusSeconds(1), Side.BUY, "5", "10", "0", "0"))
                .when(act(sameBarAgain, NOW.minusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void a_prediction_of_another_model_version_or_symbol_is_refused() {
        Prediction other = new Prediction("p-x", "MSFT", BarInterval.ONE_MINUTE, MODEL, "momentum", 1,
                NOW.minusSeconds(60), 0.001, 0, 0.002, -0.001, 0.003);
        fixture.given(started())
                .when(act(other, NOW.minusSeconds(1)))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new StrategyRejection(StrategyErrorCode.STRATEGY_PREDICTION_MISMATCH,
                        "strategy " + ID + " trades AAPL on momentum@1, not MSFT on momentum@1"));
    }
}
