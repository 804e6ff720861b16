package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;

class DecidedOrdersTest {

    private final OrderUpdates updates = new OrderUpdates();
    private final DecidedOrders decided = new DecidedOrders(updates, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        decided.stop();
    }

    @Test
    void a_read_of_a_decided_order_waits_until_the_projection_has_written_it() throws Exception {
        decided.expect("o-1", "acc-1");
        CompletableFuture<OrderView> read = CompletableFuture.supplyAsync(() -> decided.awaitOrder("o-1").orElseThrow());
        Thread.sleep(100);
        assertThat(read).isNotDone();

        updates.publish(view("o-1", "acc-1", OrderStatus.PENDING)); // the placement alone does not end the wait
        Thread.sleep(50);
        assertThat(read).isNotDone();
        updates.publish(view("o-1", "acc-1", OrderStatus.WORKING));

        assertThat(read.get(2, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(decided.inFlight()).isZero();
    }

    @Test
    void a_list_of_an_account_waits_for_that_accounts_orders_only() throws Exception {
        decided.expect("o-1", "acc-1");
        decided.expect("o-2", "acc-2");
        CompletableFuture<Void> list = CompletableFuture.runAsync(() -> decided.awaitAccount("acc-1"));
        updates.publish(view("o-2", "acc-2", OrderStatus.WORKING));
        Thread.sleep(100);
        assertThat(list).isNotDone();

        updates.publish(view("o-1", "acc-1", OrderStatus.REJECTED));

        list.get(2, TimeUnit.SECONDS);
        decided.awaitAccount("acc-3"); // nothing in flight for it: answers at once
    }

    @Test
    void orders_nobody_placed_here_and_forgotten_orders_are_not_waited_for() {
        assertThat(decided.awaitOrder("unknown")).isEmpty();
        decided.expect("o-9", "acc-1");
        decided.forget("o-9");
        assertThat(decided.awaitOrder("o-9")).isEmpty();
        assertThat(decided.inFlight()).isZero();
    }

    @Test
    void the_wait_is_bounded_when_the_projection_never_shows_the_order() {
        DecidedOrders shortWait = new DecidedOrders(updates, Duration.ofMillis(200));
        try {
            shortWait.expect("o-lost", "acc-1");
            long start = System.nanoTime();
            assertThat(shortWait.awaitOrder("o-lost")).isEmpty();
            shortWait.awaitAccount("acc-1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(shortWait.inFlight()).isZero();
        } finally {
            shortWait.stop();
        }
    }

    private static OrderView view(String id, String accountId, OrderStatus status) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new OrderView(id, accountId, "c-" + id, "AAPL", Side.BUY, OrderType.LIMIT, BigDecimal.ONE,
                BigDecimal.ONE, null, TimeInForce.GTC, null, status, null, at, at, "trader", 1, BigDecimal.ZERO, null,
                null, List.of(), null, null, null, 7, null);
    }
}
