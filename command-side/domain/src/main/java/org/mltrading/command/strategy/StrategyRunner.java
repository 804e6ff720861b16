package org.mltrading.command.strategy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.api.strategy.ActOnPredictionCommand;
import org.mltrading.api.strategy.FindActiveStrategiesQuery;
import org.mltrading.api.strategy.StopStrategyCommand;
import org.mltrading.api.common.StrategyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Routes live predictions to the strategies of their model version and symbol, and stops the strategies
 * of a retired version. Which strategies are active is asked of the strategy read model
 * ({@link FindActiveStrategiesQuery}); whether a strategy really acts is decided by its aggregate, so a
 * read model that lags a stop costs one ignored command, never an order.
 *
 * <p>A tracking processor whose first token is the head of the event store: predictions made before
 * the runner first existed are history, not signals. After a restart it resumes from its token; the
 * aggregate skips predictions that have grown too old to trade.
 */
@Component
@ProcessingGroup(StrategyRunner.PROCESSING_GROUP)
@ConditionalOnProperty(prefix = "platform.strategy", name = "enabled", havingValue = "true", matchIfMissing = true)
public class StrategyRunner {

    public static final String PROCESSING_GROUP = "strategy-runner";

    private static final Logger log = LoggerFactory.getLogger(StrategyRunner.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public StrategyRunner(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.registerTrackingEventProcessor(PROCESSING_GROUP, axon -> axon.eventStore(),
                axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> source.createHeadToken()));
    }

    @EventHandler
    void on(PredictionMadeEvent event, @MessageIdentifier String eventId) {
        var prediction = event.prediction();
        for (StrategyId strategy : active(new FindActiveStrategiesQuery(prediction.modelId(), prediction.version(),
                prediction.symbol()))) {
            send(new ActOnPredictionCommand(strategy, prediction, event.features(), event.madeAt()), strategy, eventId);
        }
    }

    @EventHandler
    void on(ModelVersionRetiredEvent event, @MessageIdentifier String eventId) {
        for (StrategyId strategy : active(new FindActiveStrategiesQuery(event.modelId(), event.version(), null))) {
            send(new StopStrategyCommand(strategy, StopStrategyCommand.modelRetired(event.version(), event.reason())),
                    strategy, eventId);
        }
    }

    private List<StrategyId> active(FindActiveStrategiesQuery query) {
        try {
            return queryGateway.query(query, ResponseTypes.multipleInstancesOf(StrategyId.class))
                    .get(QUERY_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            // no answer: the event is not retried, the next prediction is the next chance
            log.warn("strategy runner: {} failed: {}", query, e.getMessage());
            return List.of();
        }
    }

    /** The strategy is the actor of what it does; the prediction (or retirement) event is the cause. */
    private void send(Object command, StrategyId strategy, String eventId) {
        Map<String, Object> values = new HashMap<>(Map.of(AuditMetadata.ACTOR, "strategy:" + strategy,
                AuditMetadata.ACTOR_TYPE, "SYSTEM", AuditMetadata.ROLES, "", AuditMetadata.MFA, false,
                AuditMetadata.CORRELATION_ID, eventId, AuditMetadata.CAUSATION_ID, eventId));
        commandGateway.send(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(values)))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("strategy {}: {} failed: {}", strategy, command.getClass().getSimpleName(),
                                failure.getMessage());
                    }
                });
    }
}
