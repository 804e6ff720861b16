package org.mltrading.ui.compliance;

import java.util.List;
import java.util.Optional;

/**
 * The timeline's search box: an order id, an account id, or the client order id the trader quoted
 * (optionally narrowed to one account). The stored id is tried first, since an order's and an
 * account's id find their stream directly; only when it has no events is the text taken for a client
 * order id. Several orders with that client order id (in different accounts) are offered as a choice.
 */
public final class TimelineLookup {

    /** The two calls the lookup needs, so it can be tested without the API. */
    public interface Source {
        List<AuditEvent> trail(String aggregateId);

        List<OrderMatch> ordersByClientOrderId(String clientOrderId, String accountId);
    }

    /** What to show: the events (in time order) and a heading, or several orders to choose from, or why nothing. */
    public record Result(List<AuditEvent> events, String heading, List<OrderMatch> choices, String nothingFound) {

        static Result of(List<AuditEvent> events, String heading) {
            return new Result(events.stream().sorted(AuditEvent.IN_TIME_ORDER).toList(), heading, List.of(), null);
        }

        static Result choose(List<OrderMatch> choices) {
            return new Result(List.of(), choices.size() + " orders have this client order id: choose one.", choices,
                    null);
        }

        static Result none(String why) {
            return new Result(List.of(), "", List.of(), why);
        }
    }

    private final Source source;

    public TimelineLookup(Source source) {
        this.source = source;
    }

    /** The lookup over the API. */
    public static TimelineLookup over(ComplianceClient compliance) {
        return new TimelineLookup(new Source() {
            @Override
            public List<AuditEvent> trail(String aggregateId) {
                return compliance.auditTrail(aggregateId);
            }

            @Override
            public List<OrderMatch> ordersByClientOrderId(String clientOrderId, String accountId) {
                return compliance.ordersByClientOrderId(clientOrderId, accountId);
            }
        });
    }

    public Result find(String idText, String accountText) {
        String id = idText == null ? "" : idText.trim();
        String account = accountText == null || accountText.isBlank() ? null : accountText.trim();
        if (id.isEmpty() && account == null) {
            throw new AuditSearch.InvalidCriteria("Give an order id, a client order id or an account id.");
        }
        if (id.isEmpty()) {
            return timelineOf(account, "Account " + account);
        }
        if (account != null) {
            // within one account the client order id is what the trader quoted: look for it first
            Optional<OrderMatch> order = source.ordersByClientOrderId(id, account).stream().findFirst();
            if (order.isPresent()) {
                return timelineOf(order.get());
            }
            List<AuditEvent> events = source.trail(id);
            return events.isEmpty()
                    ? Result.none("No order " + id + " in account " + account + ".")
                    : Result.of(events, heading(id, events));
        }
        List<AuditEvent> events = source.trail(id);
        if (!events.isEmpty()) {
            return Result.of(events, heading(id, events));
        }
        List<OrderMatch> orders = source.ordersByClientOrderId(id, null);
        if (orders.isEmpty()) {
            return Result.none("No order, client order id or account " + id + ".");
        }
        return orders.size() == 1 ? timelineOf(orders.get(0)) : Result.choose(orders);
    }

    /** The timeline of one of the offered orders. */
    public Result timelineOf(OrderMatch order) {
        return Result.of(source.trail(order.id()), "Order " + order.label() + " (id " + order.id() + ")");
    }

    /**
     * The id of the order the text names (an order id is kept as it is; a client order id found in
     * exactly one order becomes that order's id), for the as-of view.
     */
    public Optional<String> orderId(String idText) {
        String id = idText == null ? "" : idText.trim();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<OrderMatch> orders = source.ordersByClientOrderId(id, null);
        return orders.size() == 1 ? Optional.of(orders.get(0).id()) : Optional.empty();
    }

    private Result timelineOf(String aggregateId, String heading) {
        List<AuditEvent> events = source.trail(aggregateId);
        return events.isEmpty() ? Result.none("No events of " + aggregateId + ".") : Result.of(events, heading);
    }

    private static String heading(String id, List<AuditEvent> events) {
        String type = events.get(0).aggregateType();
        return (type == null ? "" : type.replace("Aggregate", "") + " ") + id;
    }
}
