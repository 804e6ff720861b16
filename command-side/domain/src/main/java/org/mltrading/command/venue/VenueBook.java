package org.mltrading.command.venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.ExpireOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderAmendedEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;

/**
 * The simulated venue's book of working orders and its matching, without any framework: events in,
 * commands out (RecordFill, CancelOrder, ExpireOrder, in the order they must be sent).
 *
 * <p>The book is rebuilt from the order events on every start. Fill ids are deterministic
 * ({@code <orderId>-<n>}, n = fills already seen for the order + 1), so a fill decided twice (e.g.
 * while the events are replayed) carries the same id and the Order aggregate records it once. While a
 * fill or a cancel of an order is in flight, the order is not matched again; what is in flight and
 * never comes back as an event is retried after {@link #IN_FLIGHT_TIMEOUT} (with the same fill id).
 *
 * <p>Not thread-safe: the venue confines it to one thread.
 */
final class VenueBook {

    static final String IOC_REMAINDER = "IOC_REMAINDER";
    static final String FOK_NOT_FILLABLE = "FOK_NOT_FILLABLE";
    static final String NO_LIQUIDITY = "NO_LIQUIDITY";
    static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(5);

    private final MatchingRules rules;
    private final Map<OrderId, WorkingOrder> orders = new LinkedHashMap<>();

    VenueBook(VenueSettings settings) {
        this.rules = new MatchingRules(settings);
    }

    // ---- events (the book's state; no matching here) ----

    /** Adds an accepted order; returns its symbol (the venue subscribes to its quotes). */
    String accepted(OrderAcceptedEvent event) {
        WorkingOrder order = orders.computeIfAbsent(event.orderId(), id -> new WorkingOrder(event));
        return order.symbol;
    }

    void filled(OrderFilledEvent event) {
        WorkingOrder order = orders.get(event.orderId());
        if (order == null) {
            return;
        }
        if (event.complete()) {
            orders.remove(event.orderId());
            return;
        }
        order.fillIds.add(event.fillId());
        order.filledQuantity = event.filledQuantity();
        order.quantity = event.filledQuantity().add(event.leavesQuantity());
        // a stop that filled (partly) had triggered: keeps that knowledge across a rebuild
        order.triggered = true;
        if (event.fillId().equals(order.pendingFillId)) {
            order.pendingFillId = null;
            order.pendingSince = null;
        }
    }

    void amended(OrderAmendedEvent event) {
        WorkingOrder order = orders.get(event.orderId());
        if (order == null) {
            return;
        }
        if (event.quantity() != null) {
            order.quantity = event.quantity();
        }
        order.limitPrice = event.limitPrice();
        order.stopPrice = event.stopPrice();
    }

    /** Cancelled, expired or rejected: no longer working. */
    void ended(OrderId orderId) {
        orders.remove(orderId);
    }

    /** A command the venue sent for the order failed: let the order be matched (or closed) again. */
    void commandFailed(OrderId orderId) {
        WorkingOrder order = orders.get(orderId);
        if (order != null) {
            clearInFlight(order);
        }
    }

    // ---- matching ----

    /** The order reached the venue: match it against the latest quote (IOC/FOK decide here, once). */
    List<Object> arrive(OrderId orderId, Optional<Quote> latest, Instant now) {
        WorkingOrder order = orders.get(orderId);
        if (order == null) {
            return List.of();
        }
        order.arrived = true;
        List<Object> commands = new ArrayList<>();
        evaluate(order, latest.orElse(null), now, commands);
        return commands;
    }

    /** A new quote: expire what is due on its symbol, then match the symbol's arrived orders. */
    List<Object> onQuote(Quote quote, Instant now) {
        List<Object> commands = new ArrayList<>();
        for (WorkingOrder order : List.copyOf(orders.values())) {
            if (order.symbol.equals(quote.symbol())) {
                evaluate(order, quote, now, commands);
            }
        }
        return commands;
    }

    /** The once-a-second check: expire what is due, retry what was in flight too long. */
    List<Object> onTimer(Instant now) {
        List<Object> commands = new ArrayList<>();
        for (WorkingOrder order : List.copyOf(orders.values())) {
            if (order.pendingSince != null && !now.isBefore(order.pendingSince.plus(IN_FLIGHT_TIMEOUT))
                    || order.closingSince != null && !now.isBefore(order.closingSince.plus(IN_FLIGHT_TIMEOUT))) {
                clearInFlight(order);
            }
            expireIfDue(order, now, commands);
        }
        return commands;
    }

    /**
     * The venue caught up with the event store: every order in the rebuilt book is at the venue now and
     * is matched once against the latest quote of its symbol (IOC/FOK accepted before a restart decide now).
     */
    List<Object> goLive(Function<String, Optional<Quote>> latestQuote, Instant now) {
        List<Object> commands = new ArrayList<>();
        for (WorkingOrder order : List.copyOf(orders.values())) {
            order.arrived = true;
            evaluate(order, latestQuote.apply(order.symbol).orElse(null), now, commands);
        }
        return commands;
    }

    Collection<String> symbols() {
        return orders.values().stream().map(o -> o.symbol).distinct().toList();
    }

    int size() {
        return orders.size();
    }

    Optional<BigDecimal> leaves(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(WorkingOrder::leaves);
    }

    private void evaluate(WorkingOrder order, Quote quote, Instant now, List<Object> commands) {
        if (order.busy() || expireIfDue(order, now, commands) || !order.arrived) {
            return;
        }
        if (order.immediate()) {
            immediate(order, quote, now, commands);
            return;
        }
        if (quote == null) {
            return; // resting orders (market ones too) wait for the first quote
        }
        if (order.type.needsStopPrice() && !order.triggered) {
            if (!MatchingRules.stopReached(order.side, order.stopPrice, quote)) {
                return;
            }
            order.triggered = true;
        }
        execution(order, quote).ifPresent(execution -> fill(order, execution, now, commands));
    }

    /** IOC fills what is available now and cancels the rest; FOK fills everything now or nothing. */
    private void immediate(WorkingOrder order, Quote quote, Instant now, List<Object> commands) {
        if (MatchingRules.touch(order.side, quote) == null) {
            cancel(order, NO_LIQUIDITY, "no market price for " + order.symbol, now, commands);
            return;
        }
        BigDecimal leaves = order.leaves();
        Optional<Execution> execution = execution(order, quote);
        if (order.timeInForce == TimeInForce.FOK) {
            if (execution.isPresent() && execution.get().quantity().compareTo(leaves) == 0) {
                fill(order, execution.get(), now, commands);
            } else {
                cancel(order, FOK_NOT_FILLABLE, "cannot fill " + leaves.toPlainString() + " now", now, commands);
            }
            return;
        }
        execution.ifPresent(e -> fill(order, e, now, commands));
        BigDecimal rest = leaves.subtract(execution.map(Execution::quantity).orElse(BigDecimal.ZERO));
        if (rest.signum() > 0) {
            cancel(order, IOC_REMAINDER, "immediate-or-cancel remainder " + rest.toPlainString(), now, commands);
        }
    }

    private Optional<Execution> execution(WorkingOrder order, Quote quote) {
        boolean triggered = order.triggered
                || order.type.needsStopPrice() && MatchingRules.stopReached(order.side, order.stopPrice, quote);
        return rules.execution(order.type, order.side, order.limitPrice, order.stopPrice, triggered,
                order.leaves(), quote);
    }

    private boolean expireIfDue(WorkingOrder order, Instant now, List<Object> commands) {
        if (order.busy() || order.expiresAt == null || now.isBefore(order.expiresAt)) {
            return false;
        }
        order.closing = true;
        order.closingSince = now;
        commands.add(new ExpireOrderCommand(order.orderId));
        return true;
    }

    private static void fill(WorkingOrder order, Execution execution, Instant now, List<Object> commands) {
        String fillId = order.nextFillId();
        order.pendingFillId = fillId;
        order.pendingSince = now;
        commands.add(new RecordFillCommand(order.orderId, fillId, execution.price(), execution.quantity(),
                execution.fee(), now));
    }

    private static void cancel(WorkingOrder order, String code, String reason, Instant now, List<Object> commands) {
        order.closing = true;
        order.closingSince = now;
        commands.add(new CancelOrderCommand(order.orderId, code, reason));
    }

    private static void clearInFlight(WorkingOrder order) {
        order.pendingFillId = null;
        order.pendingSince = null;
        order.closing = false;
        order.closingSince = null;
    }
}
