package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's orders on the desk: a snapshot, then every update from {@code orderUpdated}. An
 * update replaces the order with the same id unless it is older than what is shown. Each applied
 * update is also classified as a {@link DeskEvent} for the notifications (fill, rejection,
 * cancellation, expiry). Not thread-safe: used under the Vaadin session lock.
 */
public final class Blotter {

    private org.mltrading.ui.shell.InstrumentFormats formats = new org.mltrading.ui.shell.InstrumentFormats();

    static final Comparator<DeskOrder> NEWEST_FIRST = Comparator.comparing(DeskOrder::placedAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(DeskOrder::id);

    /** Something about an order the trader should be told about. */
    public record DeskEvent(Kind kind, DeskOrder order, String message) {

        public enum Kind { FILLED, PARTIALLY_FILLED, REJECTED, CANCELLED, EXPIRED }
    }

    private final Map<String, DeskOrder> orders = new LinkedHashMap<>();

    public void replaceAll(List<DeskOrder> snapshot) {
        orders.clear();
        snapshot.forEach(order -> orders.put(order.id(), order));
    }

    /** Orders that can still trade, newest first. */
    public List<DeskOrder> working() {
        return sorted(true);
    }

    /** Filled, cancelled, rejected and expired orders, newest first. */
    public List<DeskOrder> done() {
        return sorted(false);
    }

    public List<DeskOrder> all() {
        List<DeskOrder> all = new ArrayList<>(orders.values());
        all.sort(NEWEST_FIRST);
        return all;
    }

    public Optional<DeskOrder> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    /** What applying an update did: whether it was shown, and what to tell the trader (if anything). */
    public record Applied(boolean shown, Optional<DeskEvent> event) {

        static final Applied STALE = new Applied(false, Optional.empty());
    }

    /** Applies an update; an update older than the order shown is ignored. */
    public Applied apply(DeskOrder update) {
        DeskOrder current = orders.get(update.id());
        if (current != null && update.updatedAt() != null && current.updatedAt() != null
                && update.updatedAt().isBefore(current.updatedAt())) {
            return Applied.STALE;
        }
        orders.put(update.id(), update);
        return new Applied(true, eventOf(current, update));
    }

    /** Instruments' ticks and lots for the messages ("Filled: BUY 7 AAPL @ 230.05"). */
    public Blotter formats(org.mltrading.ui.shell.InstrumentFormats formats) {
        this.formats = formats;
        return this;
    }

    Optional<DeskEvent> eventOf(DeskOrder before, DeskOrder after) {
        var format = formats.of(after.symbol());
        boolean statusChanged = before == null || !before.status().equals(after.status());
        boolean moreFilled = filled(after).compareTo(before == null ? BigDecimal.ZERO : filled(before)) > 0;
        String name = after.side() + " " + format.quantity(after.quantity()) + " " + after.symbol();
        return switch (after.status()) {
            case "FILLED" -> statusChanged
                    ? Optional.of(new DeskEvent(DeskEvent.Kind.FILLED, after,
                            "Filled: " + name + " @ " + average(format, after.averagePrice())))
                    : Optional.empty();
            case "PARTIALLY_FILLED" -> moreFilled
                    ? Optional.of(new DeskEvent(DeskEvent.Kind.PARTIALLY_FILLED, after, "Partially filled: "
                            + name + " (" + format.quantity(after.filledQuantity()) + " done @ "
                            + average(format, after.averagePrice()) + ")"))
                    : Optional.empty();
            case "REJECTED" -> statusChanged
                    ? Optional.of(new DeskEvent(DeskEvent.Kind.REJECTED, after, "Rejected: " + name + " — "
                            + org.mltrading.ui.graphql.Refusals.describe(after.rejectCode(), after.rejectReason())))
                    : Optional.empty();
            case "CANCELLED" -> statusChanged
                    ? Optional.of(new DeskEvent(DeskEvent.Kind.CANCELLED, after, "Cancelled: " + name
                            + (after.cancelReason() == null ? "" : ": " + after.cancelReason())))
                    : Optional.empty();
            case "EXPIRED" -> statusChanged
                    ? Optional.of(new DeskEvent(DeskEvent.Kind.EXPIRED, after, "Expired: " + name))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private List<DeskOrder> sorted(boolean working) {
        return orders.values().stream().filter(order -> order.working() == working).sorted(NEWEST_FIRST).toList();
    }

    private static BigDecimal filled(DeskOrder order) {
        return order.filledQuantity() == null ? BigDecimal.ZERO : order.filledQuantity();
    }

    private static String average(org.mltrading.ui.shell.InstrumentFormat format, BigDecimal price) {
        return price == null ? "-" : format.averagePrice(price);
    }
}
