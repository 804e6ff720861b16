package org.mltrading.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.PlaceOrderCommand;

/** An order's life, event-sourced: the event stream of this aggregate is the order's audit trail. */
@Aggregate
public class OrderAggregate {

    @AggregateIdentifier
    private OrderId orderId;
    private AccountId accountId;
    private String clientOrderId;
    private OrderTerms terms;
    private OrderStatus status;

    protected OrderAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    public OrderAggregate(PlaceOrderCommand command, Clock clock) {
        OrderPolicies.validate(command, clock.instant());
        apply(new OrderPlacedEvent(command.orderId(), command.accountId(), command.clientOrderId(),
                command.terms(), clock.instant()));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        accountId = event.accountId();
        clientOrderId = event.clientOrderId();
        terms = event.terms();
        status = OrderStatus.PENDING;
    }

    OrderTerms terms() {
        return terms;
    }

    OrderStatus status() {
        return status;
    }

    AccountId accountId() {
        return accountId;
    }

    String clientOrderId() {
        return clientOrderId;
    }
}
