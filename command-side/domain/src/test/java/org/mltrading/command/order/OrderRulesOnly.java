package org.mltrading.command.order;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.mltrading.api.order.AcceptOrderCommand;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.RejectOrderCommand;

/**
 * Routes the order commands straight to the Order aggregate, without the account: in production
 * {@code OrderEntry} runs them together with the account (tested in {@code OrderEntryTest}); the
 * aggregate tests here pin the order's own rules and events in isolation.
 */
final class OrderRulesOnly {

    private final Repository<OrderAggregate> orders;
    private final Clock clock;

    private OrderRulesOnly(Repository<OrderAggregate> orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    static AggregateTestFixture<OrderAggregate> fixture(Clock clock) {
        AggregateTestFixture<OrderAggregate> fixture = new AggregateTestFixture<>(OrderAggregate.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new OrderRulesOnly(fixture.getRepository(), clock));
        return fixture;
    }

    @CommandHandler
    void handle(PlaceOrderCommand command) throws Exception {
        orders.newInstance(() -> new OrderAggregate(command, clock));
    }

    @CommandHandler
    void handle(AcceptOrderCommand command) {
        orders.load(command.orderId().toString()).execute(order -> order.handle(command, clock));
    }

    @CommandHandler
    void handle(RejectOrderCommand command) {
        orders.load(command.orderId().toString()).execute(order -> order.handle(command, clock));
    }

    @CommandHandler
    void handle(RecordFillCommand command) {
        orders.load(command.orderId().toString()).execute(order -> order.handle(command, clock));
    }

    @CommandHandler
    void handle(CancelOrderCommand command) {
        orders.load(command.orderId().toString()).execute(order -> order.handle(command, clock));
    }

    @CommandHandler
    void handle(ExpireOrderCommand command) {
        orders.load(command.orderId().toString()).execute(order -> order.handle(command, clock));
    }
}
