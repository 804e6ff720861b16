package org.mltrading.command.strategy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.strategy.RecordStrategyFillCommand;
import org.mltrading.api.strategy.RecordStrategyOrderEndedCommand;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.StrategyOrderDecidedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Places one order a strategy decided and reports its outcome back to the strategy. The order goes out
 * as the ordinary {@link PlaceOrderCommand} (with the decision's provenance), so from there on it is an
 * order like any other: the order-flow saga asks the account's pre-trade risk, the venue fills it, and
 * a risk refusal is a REJECTED order. Fills and the order's end come back as commands on the Strategy
 * aggregate, which keeps the strategy's position and open quantity.
 *
 * <p>Placing is idempotent: the order id derives from the decision's clientOrderId, so a decision
 * handled twice finds the order existing (AggregateStreamCreationException) and follows it. Stored with
 * Jackson: only non-transient fields are state.
 */
@Saga
@ProcessingGroup(StrategyOrderSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class StrategyOrderSaga {

    public static final String PROCESSING_GROUP = "strategy-order-saga";

    private static final Logger log = LoggerFactory.getLogger(StrategyOrderSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;

    private StrategyId strategyId;
    private OrderId orderId;
    private BigDecimal quantity;
    private BigDecimal filledQuantity = BigDecimal.ZERO;

    public StrategyOrderSaga() {
        // created by Axon (new saga) or by the serializer (loaded saga)
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(StrategyOrderDecidedEvent event) {
        strategyId = event.strategyId();
        orderId = event.orderId();
        quantity = event.terms().quantity();
        PlaceOrderCommand place = new PlaceOrderCommand(event.orderId(), event.accountId(), event.clientOrderId(),
                event.terms(), event.provenance());
        send(place).exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
                return null; // placed before (a replayed decision): its events follow as usual
            }
            if (cause instanceof CommandExecutionException refused
                    && refused.getDetails().orElse(null) instanceof OrderRejection rejection) {
                // refused before an order existed: no order events will come, so end the open quantity here
                send(new RecordStrategyOrderEndedCommand(strategyId, orderId, quantity, rejection.code().name()));
            }
            return null;
        });
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderFilledEvent event) {
        filledQuantity = event.filledQuantity();
        send(new RecordStrategyFillCommand(strategyId, event.orderId(), event.fillId(), event.side(), event.quantity()));
        if (event.complete()) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderRejectedEvent event) {
        ended(quantity.subtract(filledQuantity), OrderStatus.REJECTED.name() + " " + event.reasonCode());
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelledEvent event) {
        ended(event.cancelledQuantity(), OrderStatus.CANCELLED.name() + " " + event.reasonCode());
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderExpiredEvent event) {
        ended(event.expiredQuantity(), OrderStatus.EXPIRED.name());
    }

    private void ended(BigDecimal unfilled, String outcome) {
        send(new RecordStrategyOrderEndedCommand(strategyId, orderId, unfilled, outcome));
        SagaLifecycle.end();
    }

    private CompletableFuture<Object> send(Object command) {
        CompletableFuture<Object> result;
        try {
            result = commandGateway.send(command);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("strategy {} order {}: {} failed: {}", strategyId, orderId, command.getClass().getSimpleName(),
                        failure.getMessage());
            }
        });
    }
}
