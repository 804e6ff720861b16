package org.mltrading.query.order;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Read-your-writes without making placeOrder wait for the read model. {@code placeOrder} answers the
 * order from its decision as soon as the commit is durable (ADR 0019); until the order projection has
 * written that order, the order is <em>decided but not yet readable</em>. Every order query that could
 * show it waits here first — for that order, or for the account's — so a client that placed an order
 * and then reads, cancels or amends it finds it. The wait is bounded by
 * {@code platform.graphql.read-your-writes-timeout}; queries about other accounts never wait.
 *
 * <p>One subscription to the projection's announcements completes the waiting entries by order id, so
 * an announcement costs one map lookup however many orders are in flight.
 */
@Component
public class DecidedOrders {

    private record Pending(String accountId, CompletableFuture<OrderView> projected) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Disposable announcements;

    DecidedOrders(OrderUpdates updates, @Value("${platform.graphql.read-your-writes-timeout}") Duration timeout) {
        this.timeout = timeout;
        this.announcements = updates.stream().subscribe(this::projected);
    }

    /**
     * Called before the order's command is sent, so the projection's announcement cannot be missed.
     * The entry ends when the projection shows the order decided, when {@link #forget} is called (the
     * command failed, or it was a resend), or after the timeout.
     */
    public CompletableFuture<OrderView> expect(String orderId, String accountId) {
        CompletableFuture<OrderView> projected = new CompletableFuture<>();
        Pending entry = new Pending(accountId, projected);
        pending.put(orderId, entry);
        projected.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((view, failure) -> pending.remove(orderId, entry));
        return projected;
    }

    public void forget(String orderId) {
        Pending entry = pending.remove(orderId);
        if (entry != null) {
            entry.projected().cancel(false);
        }
    }

    /** Waits (bounded) until the order, if it was just decided, is readable; answers its projected view. */
    public Optional<OrderView> awaitOrder(String orderId) {
        Pending entry = pending.get(orderId);
        return entry == null ? Optional.empty() : Optional.ofNullable(await(entry.projected()));
    }

    /** Waits (bounded) until every order of the account decided so far is readable. */
    public void awaitAccount(String accountId) {
        List<CompletableFuture<OrderView>> waiting = new ArrayList<>();
        pending.values().forEach(entry -> {
            if (entry.accountId().equals(accountId)) {
                waiting.add(entry.projected());
            }
        });
        waiting.forEach(DecidedOrders::await);
    }

    /** How many decided orders are not readable yet (for tests and diagnostics). */
    int inFlight() {
        return pending.size();
    }

    private void projected(OrderView view) {
        if (view.status() == org.mltrading.api.order.OrderStatus.PENDING) {
            return; // the placement's own change: the decision follows in the same batch
        }
        Pending entry = pending.remove(view.id());
        if (entry != null) {
            entry.projected().complete(view);
        }
    }

    /** The projected view, or null when the wait ended without one (timeout, forgotten): read what is stored. */
    private static OrderView await(CompletableFuture<OrderView> projected) {
        try {
            return projected.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return null; // timed out (orTimeout) or forgotten: the caller reads the store as it is
        }
    }

    @PreDestroy
    void stop() {
        announcements.dispose();
    }
}
