package org.mltrading.command.flow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.mltrading.api.account.ApplyFillCommand;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.ReleaseExposureCommand;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.order.AcceptOrderCommand;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderExpiredEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderRejectedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.RejectOrderCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The life of one order between the Order and the Account aggregates: pre-trade risk check, accept or
 * reject, every fill booked on the account, and the reserved exposure released once the order ends.
 * The saga ends only once both the risk answer and the end of the order are in, whichever comes
 * first: a client may cancel a PENDING order before the account approves it, and that approval's
 * reservation must still be released (and the cancelled order not accepted). Associated by
 * {@code orderId} (Axon associates by the id's {@code toString()}, the raw UUID).
 *
 * <p>Commands go out asynchronously; a failure is logged and never fails the event handling, so one
 * refused command cannot block the saga's processor. The saga is stored with Jackson: only its
 * non-transient fields are state (field visibility, no getters); the injected resources are
 * {@code transient} and re-injected by Axon whenever the saga is loaded.
 */
@Saga
@ProcessingGroup(OrderFlowSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class OrderFlowSaga {

    public static final String PROCESSING_GROUP = "order-flow-saga";

    private static final Logger log = LoggerFactory.getLogger(OrderFlowSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient MarketDataPort marketData;
    @Autowired
    private transient Clock clock;

    private OrderId orderId;
    private AccountId accountId;
    /**
     * Between the risk check request and the account's answer. Set when the saga starts rather than
     * tracking "answered", so a saga stored before this field existed (absent: false) keeps ending on
     * a terminal order event as it always did.
     */
    private boolean awaitingRisk;
    /** The order reached a terminal state (cancelled, rejected, expired) without a complete fill. */
    private boolean orderEnded;

    public OrderFlowSaga() {
        // created by Axon (new saga) or by the serializer (loaded saga)
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        accountId = event.accountId();
        OrderTerms terms = event.terms();
        awaitingRisk = true;
        send(new CheckPreTradeRiskCommand(accountId, orderId, terms.symbol(), terms.side(), terms.quantity(),
                terms.referencePrice(marketData), clock.instant()));
    }

    /**
     * Accepts the order, unless it already ended while the check was under way (e.g. cancelled while
     * PENDING): then the approval's fresh reservation is released at once and the saga ends.
     */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PreTradeRiskApprovedEvent event) {
        awaitingRisk = false;
        if (orderEnded) {
            send(new ReleaseExposureCommand(event.accountId(), event.orderId()));
            SagaLifecycle.end();
            return;
        }
        send(new AcceptOrderCommand(event.orderId()));
    }

    /** Rejects the order, unless it already ended: then nothing was reserved and the saga is done. */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PreTradeRiskRejectedEvent event) {
        awaitingRisk = false;
        if (orderEnded) {
            SagaLifecycle.end();
            return;
        }
        send(new RejectOrderCommand(event.orderId(), event.code().name(), event.reason()));
    }

    /**
     * Every fill is booked on the account; the fill that completes the order also ends the saga. The
     * release is chained after the fill's booking (whatever its outcome) so the account never frees the
     * reservation of an order whose last fill it has not seen yet.
     */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderFilledEvent event) {
        CompletableFuture<Object> applied = send(new ApplyFillCommand(event.accountId(), event.orderId(),
                event.fillId(), event.symbol(), event.side(), event.price(), event.quantity(), event.fee(),
                event.executedAt()));
        if (event.complete()) {
            ReleaseExposureCommand release = new ReleaseExposureCommand(event.accountId(), event.orderId());
            // the callback may run on another thread (remote bus): carry this event's who/why along
            MetaData causedBy = CurrentUnitOfWork.correlationData();
            applied.handle((result, failure) -> send(release, causedBy));
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderCancelledEvent event) {
        orderEnded(event.accountId(), event.orderId());
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderRejectedEvent event) {
        orderEnded(event.accountId(), event.orderId());
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(OrderExpiredEvent event) {
        orderEnded(event.accountId(), event.orderId());
    }

    /**
     * The order ended without a complete fill. Once the risk answer is in, release the reservation and
     * end. Before it (a cancel of a PENDING order), the account may still approve and reserve: the saga
     * stays to release that reservation when the answer arrives (see the risk handlers). The release
     * is sent either way; with nothing reserved the account ignores it.
     */
    private void orderEnded(AccountId account, OrderId order) {
        orderEnded = true;
        send(new ReleaseExposureCommand(account, order));
        if (!awaitingRisk) {
            SagaLifecycle.end();
        }
    }

    private CompletableFuture<Object> send(Object command) {
        return send(command, MetaData.emptyInstance());
    }

    private CompletableFuture<Object> send(Object command, MetaData metaData) {
        CompletableFuture<Object> result;
        try {
            result = commandGateway.send(command, metaData);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("order {}: {} failed: {}", orderId, command.getClass().getSimpleName(),
                        failure.getMessage(), failure);
            }
        });
    }

    OrderId orderId() {
        return orderId;
    }

    AccountId accountId() {
        return accountId;
    }
}
