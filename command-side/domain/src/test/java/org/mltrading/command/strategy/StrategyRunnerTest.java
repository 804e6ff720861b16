package org.mltrading.command.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.api.strategy.ActOnPredictionCommand;
import org.mltrading.api.strategy.FindActiveStrategiesQuery;
import org.mltrading.api.strategy.StopStrategyCommand;

/** The runner routes predictions and retirements to the strategies the read model names, as the strategy. */
class StrategyRunnerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final ModelId MODEL = ModelId.forName("momentum");
    private static final StrategyId ONE = new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11");
    private static final StrategyId TWO = new StrategyId("0b0f5f7a-3c51-4d8e-9d5c-1e9a7b2c4d33");

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private QueryGateway queries;
    private StrategyRunner runner;

    @BeforeEach
    void setUp() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.send(any())).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        queries = mock(QueryGateway.class);
        runner = new StrategyRunner(commands, queries);
    }

    @SuppressWarnings("unchecked")
    private void active(FindActiveStrategiesQuery query, CompletableFuture<List<StrategyId>> answer) {
        when(queries.query(eq(query), any(ResponseType.class))).thenReturn((CompletableFuture) answer);
    }

    @Test
    void a_prediction_is_offered_to_every_active_strategy_of_its_model_version_and_symbol_as_that_strategy() {
        Prediction prediction = new Prediction("p-1", "AAPL", BarInterval.ONE_MINUTE, MODEL, "momentum", 1,
                NOW.minusSeconds(60), 0.001, 0, 0.002, -0.001, 0.003);
        active(new FindActiveStrategiesQuery(MODEL, 1, "AAPL"), CompletableFuture.completedFuture(List.of(ONE, TWO)));

        runner.on(new PredictionMadeEvent(prediction, Map.of("mom_20_vs", 1.0), NOW), "event-1");

        assertThat(sent.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly(
                new ActOnPredictionCommand(ONE, prediction, Map.of("mom_20_vs", 1.0), NOW),
                new ActOnPredictionCommand(TWO, prediction, Map.of("mom_20_vs", 1.0), NOW));
        assertThat(sent.get(0).getMetaData()).containsEntry(AuditMetadata.ACTOR, "strategy:" + ONE)
                .containsEntry(AuditMetadata.ACTOR_TYPE, "SYSTEM")
                .containsEntry(AuditMetadata.CAUSATION_ID, "event-1");
    }

    @Test
    void a_retired_version_stops_its_strategies_with_the_reason() {
        active(new FindActiveStrategiesQuery(MODEL, 1, null), CompletableFuture.completedFuture(List.of(ONE)));

        runner.on(new ModelVersionRetiredEvent(MODEL, 1, "drift", NOW), "event-2");

        assertThat(sent.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly(
                new StopStrategyCommand(ONE, "MODEL_RETIRED: version 1 left production (drift)"));
    }

    @Test
    void without_an_answer_from_the_read_model_nothing_is_sent() {
        active(new FindActiveStrategiesQuery(MODEL, 1, null),
                CompletableFuture.failedFuture(new IllegalStateException("no handler")));

        runner.on(new ModelVersionRetiredEvent(MODEL, 1, "drift", NOW), "event-3");

        assertThat(sent).isEmpty();
    }
}
