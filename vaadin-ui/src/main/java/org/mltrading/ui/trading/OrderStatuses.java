package org.mltrading.ui.trading;

import java.util.Set;

/**
 * What the API's order statuses ({@code OrderStatus}: PENDING, WORKING, PARTIALLY_FILLED, FILLED,
 * CANCELLED, REJECTED, EXPIRED) mean on every page, defined once: the orders page's "Open" filter,
 * its row actions and "Cancel all open", and the desk's working blotter read these sets. The sets
 * follow the command side's lifecycle transitions ({@code OrderPolicies.Transition}).
 */
public final class OrderStatuses {

    /** Can still trade, so it can be cancelled: everything but FILLED, CANCELLED, REJECTED and EXPIRED. */
    public static final Set<String> OPEN = Set.of("PENDING", "WORKING", "PARTIALLY_FILLED");

    /** Accepted by risk and still working: what amendOrder accepts (a PENDING order is not accepted yet). */
    public static final Set<String> AMENDABLE = Set.of("WORKING", "PARTIALLY_FILLED");

    private OrderStatuses() {
    }

    public static boolean open(String status) {
        return status != null && OPEN.contains(status);
    }

    public static boolean amendable(String status) {
        return status != null && AMENDABLE.contains(status);
    }
}
